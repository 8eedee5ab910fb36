using System.Globalization;
using OkrLinker.Core.Reports;

namespace OkrLinker.Core.Okrs;

/// <summary>
/// OKR hygiene findings (DESIGN.md §8): few objectives, 2–4 KRs each, KRs that are measured outcomes.
/// Findings come in file order: the objective count first, then each objective and its KRs.
/// </summary>
public static class OkrLint
{
    private const string Error = "error";
    private const string Warning = "warning";

    public static IReadOnlyList<Finding> Check(OkrSet okrs)
    {
        var findings = new List<Finding>();
        if (ObjectiveCount(okrs) is { } tooMany)
            findings.Add(tooMany);
        foreach (var objective in okrs.Objectives)
        {
            if (KeyResultCount(objective) is { } count)
                findings.Add(count);
            foreach (var kr in objective.KeyResults)
                findings.AddRange(KeyResult(kr));
        }

        return findings;
    }

    private static Finding? ObjectiveCount(OkrSet okrs)
    {
        var count = okrs.Objectives.Count;
        var period = okrs.Period.Name;
        if (count > 5)
            return new(OkrLintRules.TooManyObjectives, Error, period,
                $"{period} has {count} objectives; cut to the 3 that matter most, 5 at the very most");
        if (count > 3)
            return new(OkrLintRules.TooManyObjectives, Warning, period,
                $"{period} has {count} objectives; aim for 3 so each gets real attention");
        return null;
    }

    private static Finding? KeyResultCount(Objective objective)
    {
        var count = objective.KeyResults.Count;
        var has = count switch { 0 => "no key results", 1 => "1 key result", _ => $"{count} key results" };
        if (count < 2)
            return new(OkrLintRules.KrCount, Warning, objective.Id,
                $"{objective.Id} has {has}; give it 2 to 4 that together show the objective is met");
        if (count > 4)
            return new(OkrLintRules.KrCount, Warning, objective.Id,
                $"{objective.Id} has {has}; keep the 2 to 4 that matter most");
        return null;
    }

    private static IEnumerable<Finding> KeyResult(KeyResult kr)
    {
        // Without a baseline a KR can still be measured when its metric gives one at period start
        // (DESIGN.md §4), so only a KR with neither has no way to know where it started.
        if (kr.Baseline is null && kr.Metric is null)
            yield return new(OkrLintRules.KrNoBaseline, Warning, kr.Id,
                $"Give {kr.Id} a baseline, or a metric to read it from at period start");
        if (kr.Metric is null)
            yield return new(OkrLintRules.KrNoMetric, Warning, kr.Id,
                $"Give {kr.Id} a metric, so its progress comes from data, not opinion");
        if (OkrOutputWording.DeliveryWord(kr.Title) is { } word)
            yield return new(OkrLintRules.KrOutputWorded, Warning, kr.Id,
                $"{kr.Id} reads as a task ('{word}'); word it as the outcome it should change, with a number");
        if (kr.Baseline is { } baseline && baseline == kr.Target)
            yield return new(OkrLintRules.KrTargetEqualsBaseline, Error, kr.Id,
                $"{kr.Id} has its target equal to its baseline ({baseline.ToString(CultureInfo.InvariantCulture)}); set the value it should move to");
    }
}
