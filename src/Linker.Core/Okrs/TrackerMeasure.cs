namespace OkrLinker.Core.Okrs;

/// <summary>What the built-in <c>tracker</c> provider measures over the items matching <c>where</c> (okrs.yaml <c>measure</c>).</summary>
public enum TrackerMeasure
{
    /// <summary><c>count</c>: how many items.</summary>
    Count,

    /// <summary><c>points</c>: their story points summed (items without points add nothing).</summary>
    Points,

    /// <summary><c>median-cycle-days</c>: the median days from created to resolved of the items done in the 28 days up to the moment.</summary>
    MedianCycleDays,
}
