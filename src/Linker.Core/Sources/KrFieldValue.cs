namespace OkrLinker.Core.Sources;

/// <summary>
/// The "Key Result" field of one item as a separate stream reports it (GitHub Projects v2 fields
/// change without bumping the item's <c>updated_at</c>, DESIGN.md §6 trap 11).
/// </summary>
public sealed record KrFieldValue(string ExternalId, IReadOnlyList<string> Values);
