namespace OkrLinker.Core.Figures;

/// <summary>The flags a KR can carry in the report (DESIGN.md §8), in the order they are listed.</summary>
public static class KrFlags
{
    /// <summary>Nothing linked to the KR was in scope in the report's week or the three before it.</summary>
    public const string NoWork = "no-work";

    /// <summary>okrs.yaml gives the KR no metric.</summary>
    public const string NoMetric = "no-metric";

    /// <summary>Neither okrs.yaml nor a sample since the period started gives a baseline.</summary>
    public const string NoBaseline = "no-baseline";

    /// <summary>
    /// The KR has a metric but no sample in the 7 days before the week's end (or before now, for a week
    /// still running), or its last pull failed; the report carries the reason.
    /// </summary>
    public const string StaleMetric = "stale-metric";

    /// <summary>Linked work was finished in the period, yet the metric has not moved toward the target.</summary>
    public const string ActivityWithoutMovement = "activity-without-movement";

    /// <summary>okrs.yaml's baseline differs by more than 10% from the metric's value at the period start.</summary>
    public const string BaselineMismatch = "baseline-mismatch";
}
