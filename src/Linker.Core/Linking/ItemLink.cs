namespace OkrLinker.Core.Linking;

/// <summary>One KR an item serves, and why.</summary>
/// <param name="KrId">The KR id as okrs.yaml spells it.</param>
/// <param name="Via">Inherited: the ancestor's key. Rule: the rule's index in <c>Linking.Rules</c> ("rule 0"). Explicit: null.</param>
public sealed record ItemLink(string KrId, LinkReason Reason, string? Via);
