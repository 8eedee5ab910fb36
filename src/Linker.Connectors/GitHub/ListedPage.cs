using OkrLinker.Core.Items;

namespace OkrLinker.Connectors.GitHub;

/// <summary>One answer of an issues list: its items, its <c>rel="next"</c> and <c>rel="last"</c> links, and the page number of the last.</summary>
internal sealed record ListedPage(IReadOnlyList<WorkItem> Items, Uri? Next, Uri? Last, int? LastPage);
