namespace OkrLinker.Fakes.Jira;

/// <summary>Which Jira the fake plays.</summary>
public enum FakeJiraFlavor
{
    /// <summary><c>/rest/api/3/search/jql</c> with <c>nextPageToken</c>; the old search endpoints answer 410; Basic auth.</summary>
    Cloud,

    /// <summary><c>/rest/api/2/search</c> with <c>startAt</c>; no v3 API; Bearer personal access token; "Epic Link" field.</summary>
    DataCenter,
}
