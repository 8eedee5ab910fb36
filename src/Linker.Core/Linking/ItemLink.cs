namespace OkrLinker.Core.Linking;

/// <summary>One KR an item serves, and why.</summary>
/// <param name="KrId">The KR id as okrs.yaml spells it.</param>
/// <param name="Via">
/// Explicit: what named it (<c>label kr:O1-KR1</c>, <c>title token [O1-KR1]</c>, <c>field "Key Result" = O1-KR1</c>).
/// Inherited: the ancestor's key. Reference: the key of the item it names. Rule: the rule's index in
/// <c>Linking.Rules</c> (<c>rule 0</c>).
/// </param>
public sealed record ItemLink(string KrId, LinkReason Reason, string? Via);
