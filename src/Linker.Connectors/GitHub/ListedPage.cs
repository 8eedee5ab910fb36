using OkrLinker.Core.Items;

namespace OkrLinker.Connectors.GitHub;

/// <summary>One answer of an issues list: its items, the <c>rel="next"</c> URL and the page number of <c>rel="last"</c>.</summary>
internal sealed record ListedPage(IReadOnlyList<WorkItem> Items, Uri? Next, int? LastPage);
