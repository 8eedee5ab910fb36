namespace OkrLinker.Core.Linking;

/// <summary>
/// What linking learns from one item and the linking configuration alone, before okrs.yaml or any other item is
/// consulted: the KR mentions step 1 finds (labels, title tokens, KR field values, in that order, known or not), the
/// keys it names (title, body, branch), and the first <c>Linking.Rules</c> and <c>Linking.Bau</c> rule it matches.
/// The sync engine works them out when it writes the row, so a report need not run a regex over a million items.
/// </summary>
/// <param name="Rule">The index of the first matching rule of <c>Linking.Rules</c>, or -1.</param>
/// <param name="Bau">The index of the first matching rule of <c>Linking.Bau</c>, or -1.</param>
internal sealed record LinkFacts(IReadOnlyList<KrMention> Mentions, IReadOnlyList<ItemReference> References, int Rule, int Bau)
{
    /// <summary>True when the item names nothing (the rule indices may still be set).</summary>
    public bool NamesNothing => Mentions.Count == 0 && References.Count == 0;
}
