namespace OkrLinker.Connectors.Jira;

/// <summary>Which Jira a source talks to (DESIGN.md §6 trap 1); <c>Sources[].Flavor</c>.</summary>
internal enum JiraFlavor
{
    /// <summary><c>POST /rest/api/3/search/jql</c> chained by <c>nextPageToken</c>; Basic auth with e-mail and API token.</summary>
    Cloud,

    /// <summary><c>POST /rest/api/2/search</c> paged by <c>startAt</c>; a Bearer personal access token.</summary>
    DataCenter,
}
