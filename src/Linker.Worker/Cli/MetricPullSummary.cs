using System.Globalization;
using OkrLinker.Core.Metrics;

namespace OkrLinker.Worker.Cli;

/// <summary>The table <c>metrics pull</c> prints: each KR's baseline, current value and target, and what the pull did.</summary>
internal static class MetricPullSummary
{
    public static void Write(IReadOnlyList<KrPullResult> results, TextWriter output)
    {
        if (results.Count == 0)
        {
            output.WriteLine("No key result has a metric.");
            return;
        }

        var krWidth = Math.Max(2, results.Max(r => r.KrId.Length));
        var providerWidth = Math.Max(8, results.Max(r => (r.Provider ?? "–").Length));
        var rows = results.Select(r => (r, Baseline: Value(r.Baseline, r.Unit), Current: Value(r.Current, r.Unit), Target: Value(r.Target, r.Unit))).ToList();
        var valueWidth = Math.Max(8, rows.Max(x => Math.Max(x.Baseline.Length, Math.Max(x.Current.Length, x.Target.Length))));
        output.WriteLine($"{"KR".PadRight(krWidth)}  {"provider".PadRight(providerWidth)}  {"baseline".PadLeft(valueWidth)}  {"current".PadLeft(valueWidth)}  {"target".PadLeft(valueWidth)}  new");
        foreach (var (r, baseline, current, target) in rows)
        {
            var line = $"{r.KrId.PadRight(krWidth)}  {(r.Provider ?? "–").PadRight(providerWidth)}  {baseline.PadLeft(valueWidth)}  {current.PadLeft(valueWidth)}  {target.PadLeft(valueWidth)}  "
                + r.NewSamples.ToString(CultureInfo.InvariantCulture).PadLeft(3);
            output.WriteLine(r.Provider is null ? line + "  no metric" : r.Error is null ? line : $"{line}  FAILED: {r.Error}");
        }
    }

    /// <summary><c>41.2%</c>, <c>3.1 days</c>; <c>–</c> when there is no value.</summary>
    public static string Value(double? value, string? unit) =>
        value is { } v
            ? v.ToString("0.##", CultureInfo.InvariantCulture) + (string.IsNullOrEmpty(unit) ? "" : unit.Length <= 2 ? unit : " " + unit)
            : "–";
}
