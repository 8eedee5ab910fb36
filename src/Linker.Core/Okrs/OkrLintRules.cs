namespace OkrLinker.Core.Okrs;

/// <summary>The stable ids of the OKR hygiene findings (DESIGN.md §8).</summary>
public static class OkrLintRules
{
    public const string TooManyObjectives = "too-many-objectives";
    public const string KrCount = "kr-count";
    public const string KrNoBaseline = "kr-no-baseline";
    public const string KrNoMetric = "kr-no-metric";
    public const string KrOutputWorded = "kr-output-worded";
    public const string KrTargetEqualsBaseline = "kr-target-equals-baseline";
}
