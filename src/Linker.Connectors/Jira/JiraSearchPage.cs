using OkrLinker.Core.Items;

namespace OkrLinker.Connectors.Jira;

/// <summary>
/// One page of a Jira issue search: <c>/rest/api/3/search/jql</c> (<c>nextPageToken</c>, <c>isLast</c>),
/// the legacy <c>/rest/api/2|3/search</c> and the agile sprint/board issue lists (<c>startAt</c>, <c>total</c>).
/// </summary>
/// <param name="Items">The issues that parsed (an issue without an id is skipped).</param>
/// <param name="NextPageToken">The token for the next <c>search/jql</c> page, if any.</param>
/// <param name="IsLast">No page follows: <c>isLast</c>, else <c>startAt + issues ≥ total</c>, else no token.</param>
/// <param name="StartAt">Legacy paging: the index of the page's first issue.</param>
/// <param name="Total">Legacy paging: the number of issues the search matched.</param>
public sealed record JiraSearchPage(
    IReadOnlyList<WorkItem> Items, string? NextPageToken, bool IsLast, int? StartAt, int? Total);
