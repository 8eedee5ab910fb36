using OkrLinker.Core.Okrs;

namespace OkrLinker.Core.Tests.Support;

public static partial class Some
{
    /// <summary>2026-Q4: 2026-10-01 to 2026-12-31.</summary>
    public static readonly Period Period = new("2026-Q4", new DateOnly(2026, 10, 1), new DateOnly(2026, 12, 31));

    /// <summary>2026-Q3 had O0-KR1 and O1-KR7; tickets still tagged with them are stale.</summary>
    public static readonly PastPeriod PastPeriod = new("2026-Q3", ["O0-KR1", "O1-KR7"]);

    /// <summary>
    /// O1 (O1-KR1, O1-KR2) and O2 (O2-KR1) of <see cref="Period"/>, each KR from 35 to 50 %,
    /// with the ended period <see cref="PastPeriod"/>.
    /// </summary>
    public static OkrSet Okrs() =>
        Okrs(
            Objective("O1", KeyResult("O1-KR1"), KeyResult("O1-KR2")),
            Objective("O2", KeyResult("O2-KR1")));

    public static OkrSet Okrs(params Objective[] objectives) => new(Period, objectives, [PastPeriod]);

    /// <summary>An objective whose KRs carry its id.</summary>
    public static Objective Objective(string id, params KeyResult[] keyResults) =>
        new(id, $"Objective {id}", [], [.. keyResults.Select(kr => kr with { ObjectiveId = id })]);

    public static KeyResult KeyResult(string id, double? baseline = 35, double target = 50, MetricSpec? metric = null) =>
        new(id, id.Split('-')[0], $"Move {id}", baseline, target, metric ?? Metric());

    public static MetricSpec Metric(string unit = "%") => new("prometheus", "activation_ratio * 100", unit);
}
