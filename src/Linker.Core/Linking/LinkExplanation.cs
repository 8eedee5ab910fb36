namespace OkrLinker.Core.Linking;

/// <summary>
/// Why an item is linked, BAU or unlinked: the report's <c>link</c> field and the <c>explain</c> verb's answer.
/// </summary>
/// <param name="How">The step that decided.</param>
/// <param name="From">
/// Where the KRs came from: the item's own key (explicit), the ancestor's key (inherited), the named
/// item's key (reference), the rule's key (<c>Linking:Rules:0</c>, <c>Linking:Bau:1</c>); null when unlinked.
/// </param>
/// <param name="Krs">The KRs it serves, in okrs.yaml order; empty for BAU and unlinked items.</param>
/// <param name="Why">The chain the linker followed, one sentence each, in words a PM reads.</param>
public sealed record LinkExplanation(LinkHow How, string? From, IReadOnlyList<string> Krs, IReadOnlyList<string> Why);
