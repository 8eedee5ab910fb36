namespace OkrLinker.Core.Configuration;

/// <summary>
/// <c>Report.Status</c> (DESIGN.md §8): how far a KR's progress may fall behind the expected share of the
/// period before it is at risk, and before it is off track. Fractions 0–1.
/// </summary>
public sealed class StatusOptions
{
    /// <summary>On track while progress ≥ expected − AtRisk. Default 0.10.</summary>
    public double AtRisk { get; set; } = 0.10;

    /// <summary>At risk while progress ≥ expected − OffTrack, off track below. Default 0.25; not below <see cref="AtRisk"/>.</summary>
    public double OffTrack { get; set; } = 0.25;
}
