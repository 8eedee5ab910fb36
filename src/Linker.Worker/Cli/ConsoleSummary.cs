using System.Globalization;
using OkrLinker.Core.Figures;
using OkrLinker.Core.Reports;
using OkrLinker.Core.Sync;

namespace OkrLinker.Worker.Cli;

/// <summary>The few lines a person reads after a run: the unlinked share, per team, KRs with no work, the largest unlinked items.</summary>
internal static class ConsoleSummary
{
    private const int LargestItems = 5;

    public static void Write(WeeklyReport report, IReadOnlyList<SourceSyncResult> synced, IReadOnlyList<string> files, TextWriter output)
    {
        var t = report.Totals;
        output.WriteLine();
        var monday = IsoWeek.Parse(report.Week).Monday;
        output.WriteLine(Inv($"OkrLinker — week {report.Week} (Mon {monday:yyyy-MM-dd} to Sun {monday.AddDays(6):yyyy-MM-dd}), period {report.Period}"));
        output.WriteLine(Inv($"Work that serves no OKR: {Pct(t.UnlinkedShare)} of {t.Items} items ({t.Unlinked} unlinked, {t.Linked} linked, {t.Bau} BAU)")
            + (t.Points.Total > 0 ? Inv($"; {Pct(t.Points.UnlinkedShare)} of {t.Points.Total:0.##} points") : ""));
        var width = report.Teams.Select(x => x.Team.Length).DefaultIfEmpty(4).Max();
        foreach (var team in report.Teams)
        {
            output.WriteLine(Inv($"  {team.Team.PadRight(width)}  {Pct(team.UnlinkedShare),6}  ({team.Unlinked} of {team.Items} items)"));
        }

        var krs = report.Objectives.SelectMany(o => o.KeyResults).ToList();
        if (krs.Count > 0)
        {
            output.WriteLine(Inv($"Key results (expected {Pct(krs[0].Expected)} of the way at the week's end):"));
            var idWidth = krs.Max(kr => kr.Id.Length);
            var values = krs.Select(kr => $"{MetricPullSummary.Value(kr.Baseline, kr.Unit)} → {MetricPullSummary.Value(kr.Current, kr.Unit)} → {MetricPullSummary.Value(kr.Target, kr.Unit)}").ToList();
            var valueWidth = values.Max(v => v.Length);
            for (var i = 0; i < krs.Count; i++)
            {
                var kr = krs[i];
                var progress = kr.Progress is { } p ? Pct(p) : "–";
                output.WriteLine($"  {kr.Id.PadRight(idWidth)}  {values[i].PadRight(valueWidth)}  {progress,7}  {kr.Status ?? "–"}");
            }
        }

        var idle = report.Objectives.SelectMany(o => o.KeyResults).Where(kr => kr.Flags.Contains("no-work")).ToList();
        output.WriteLine(idle.Count == 0 ? "KRs with no work: none" : "KRs with no work:");
        foreach (var kr in idle)
        {
            output.WriteLine($"  {kr.Id}  {kr.Title}");
        }

        if (report.UnlinkedItems.Count > 0)
        {
            output.WriteLine("Largest unlinked items:");
            foreach (var item in report.UnlinkedItems.Take(LargestItems))
            {
                var points = item.Points is { } p ? Inv($"{p,3:0.#} pts") : "  – pts";
                output.WriteLine($"  {item.Key,-22} {points}  {item.Team,-10} {item.Title}");
            }
        }

        if (report.Findings.Count > 0)
        {
            var byRule = report.Findings.GroupBy(f => f.Rule).Select(g => Inv($"{g.Count()} {g.Key}"));
            output.WriteLine($"Findings: {string.Join(", ", byRule)}");
        }

        foreach (var failed in synced.Where(s => !s.Succeeded))
        {
            output.WriteLine($"Source {failed.Source} FAILED: {failed.FirstError}");
        }

        foreach (var file in files)
        {
            output.WriteLine($"Wrote {file}");
        }
    }

    private static string Inv(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    private static string Pct(double share) => (share * 100).ToString("0.0", CultureInfo.InvariantCulture) + "%";
}
