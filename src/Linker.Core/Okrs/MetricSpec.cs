using OkrLinker.Core.Configuration;

namespace OkrLinker.Core.Okrs;

/// <summary>Where a KR's current value comes from: a provider name, its query, and a display unit.</summary>
/// <param name="Provider">A <c>Metrics.Providers[].Name</c>, or <c>tracker</c>.</param>
/// <param name="Query">What the provider's kind reads (DESIGN.md §4); empty for <c>tracker</c>, which takes none.</param>
/// <param name="Unit">For display only.</param>
public sealed record MetricSpec(string Provider, string Query, string? Unit)
{
    /// <summary>The built-in provider that measures the synced items; it needs no <c>Metrics.Providers</c> entry.</summary>
    public const string Tracker = "tracker";

    /// <summary>http-json: the JSONPath that picks the number from the answer (<c>$.data.value</c>).</summary>
    public string? Path { get; init; }

    /// <summary>tracker: what to measure over the matching items; set whenever <see cref="Provider"/> is <c>tracker</c>.</summary>
    public TrackerMeasure? Measure { get; init; }

    /// <summary>tracker: rules shaped as <c>Linking.Rules</c> (no <c>Kr</c>); an item counts when all match. Empty: every item.</summary>
    public IReadOnlyList<RuleOptions> Where { get; init; } = [];

    public bool IsTracker => string.Equals(Provider, Tracker, StringComparison.OrdinalIgnoreCase);
}
