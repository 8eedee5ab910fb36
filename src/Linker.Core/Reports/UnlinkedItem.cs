using System.Text.Json.Serialization;
using OkrLinker.Core.Linking;
using OkrLinker.Core.Suggestions;

namespace OkrLinker.Core.Reports;

/// <param name="Link">Why the linker left it unlinked (<c>how</c>, <c>from</c>, <c>krs</c>, <c>why</c>); null when not known.</param>
/// <param name="Suggestions">Up to three KRs it probably serves, best first; absent from the JSON when suggestions were not computed.</param>
public sealed record UnlinkedItem(
    string Source, string Key, string Title, string? Url, string Team, string Type, string State, double? Points, LinkExplanation? Link = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull), JsonPropertyOrder(1)] IReadOnlyList<KrSuggestion>? Suggestions = null)
{
    // Link is declared below rather than by the record, so reflection lists it after Suggestions: the order above keeps
    // suggestions last in the serializer's JSON, after link, as the report has always been written.
    private LinkExplanation? link = Link;

    public LinkExplanation? Link
    {
        // Worded when first asked: a report's JSON words it straight from Why, and nothing else of a report asks.
        get => link ??= Why?.Explain();
        init => link = value;
    }

    /// <summary>The linker's reasons in compact form, from which <see cref="Link"/> is worded; null when Link was given.</summary>
    [JsonIgnore]
    internal UnlinkedWhy? Why { get; init; }

    /// <summary>Whether the JSON writer may word the explanation from <see cref="Why"/> (nothing asked for <see cref="Link"/> yet).</summary>
    internal UnlinkedWhy? Unworded => link is null ? Why : null;
}
