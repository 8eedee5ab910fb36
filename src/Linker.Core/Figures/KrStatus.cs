namespace OkrLinker.Core.Figures;

/// <summary>A KR's status (DESIGN.md §8): its progress against the share of the period elapsed.</summary>
public static class KrStatus
{
    public const string OnTrack = "on-track";

    public const string AtRisk = "at-risk";

    public const string OffTrack = "off-track";
}
