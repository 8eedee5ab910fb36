using OkrLinker.Core.Okrs;

namespace OkrLinker.Core.Tests.Support;

/// <summary>OKR values for tests: by default every KR is well formed (baseline, metric, a number in its title).</summary>
internal static class OkrSome
{
    public static readonly MetricSpec Metric = new("prometheus", "avg_over_time(active_teams[7d])", "teams");

    public static KeyResult Kr(
        string id,
        string title = "Raise weekly active teams from 10 to 20",
        double? baseline = 10,
        double target = 20,
        bool withMetric = true) =>
        new(id, id.Split('-')[0], title, baseline, target, withMetric ? Metric : null);

    public static Objective Objective(string id, params KeyResult[] keyResults) =>
        new(id, $"Objective {id}", ["growth"], keyResults);

    /// <summary>An objective with two well-formed KRs, <c>{id}-KR1</c> and <c>{id}-KR2</c>.</summary>
    public static Objective GoodObjective(string id) => Objective(id, Kr($"{id}-KR1"), Kr($"{id}-KR2"));

    public static OkrSet Set(params Objective[] objectives) =>
        new(new Period("2026-Q4", new DateOnly(2026, 10, 1), new DateOnly(2026, 12, 31)), objectives, []);
}
