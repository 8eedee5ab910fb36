namespace OkrLinker.Core.Linking;

/// <summary>One item's outcome inside <see cref="WorkItemLinker"/>: the step, the links, and the rule when one decided.</summary>
internal sealed record LinkDecision(LinkHow How, IReadOnlyList<ItemLink> Links, LinkRule? Rule);
