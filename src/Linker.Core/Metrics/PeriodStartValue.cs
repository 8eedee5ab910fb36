namespace OkrLinker.Core.Metrics;

/// <summary>A metric's value at the period start (DESIGN.md §8): the last sample at or before it, else the first after it.</summary>
public static class PeriodStartValue
{
    /// <param name="samples">One KR's samples, in any order.</param>
    public static T? Pick<T>(IEnumerable<T> samples, Func<T, DateTimeOffset> at, DateTimeOffset periodStart)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(samples);
        ArgumentNullException.ThrowIfNull(at);
        T? before = null;
        T? after = null;
        foreach (var sample in samples)
        {
            var time = at(sample);
            if (time <= periodStart)
            {
                if (before is null || time >= at(before))
                {
                    before = sample;
                }
            }
            else if (after is null || time < at(after))
            {
                after = sample;
            }
        }

        return before ?? after;
    }
}
