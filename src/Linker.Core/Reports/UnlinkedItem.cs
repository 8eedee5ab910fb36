using System.Text.Json.Serialization;
using OkrLinker.Core.Linking;
using OkrLinker.Core.Suggestions;

namespace OkrLinker.Core.Reports;

/// <param name="Link">Why the linker left it unlinked (<c>how</c>, <c>from</c>, <c>krs</c>, <c>why</c>); null when not known.</param>
/// <param name="Suggestions">Up to three KRs it probably serves, best first; absent from the JSON when suggestions were not computed.</param>
public sealed record UnlinkedItem(
    string Source, string Key, string Title, string? Url, string Team, string Type, string State, double? Points, LinkExplanation? Link = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<KrSuggestion>? Suggestions = null);
