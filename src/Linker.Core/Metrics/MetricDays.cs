namespace OkrLinker.Core.Metrics;

/// <summary>The moments a provider with history reports: one a day, at UTC midnight, and the end of the range.</summary>
public static class MetricDays
{
    /// <summary>
    /// Every UTC midnight in [<paramref name="from"/>, <paramref name="to"/>], oldest first, then <paramref name="to"/>
    /// itself when it is not a midnight, so the latest value is always there. Empty when <paramref name="from"/> is after <paramref name="to"/>.
    /// </summary>
    public static IReadOnlyList<DateTimeOffset> Between(DateTimeOffset from, DateTimeOffset to)
    {
        from = from.ToUniversalTime();
        to = to.ToUniversalTime();
        if (from > to)
        {
            return [];
        }

        var moments = new List<DateTimeOffset>();
        var day = new DateTimeOffset(from.UtcDateTime.Date, TimeSpan.Zero);
        if (day < from)
        {
            day = day.AddDays(1);
        }

        for (; day <= to; day = day.AddDays(1))
        {
            moments.Add(day);
        }

        if (moments.Count == 0 || moments[^1] != to)
        {
            moments.Add(to);
        }

        return moments;
    }
}
