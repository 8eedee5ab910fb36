using System.Globalization;
using System.Text;

namespace OkrLinker.Core.Reports;

/// <summary>The report for people: headline, teams, key results, the unlinked work, findings, trend.</summary>
internal sealed class MarkdownReportRenderer : IReportRenderer
{
    private const int UnlinkedRows = 25;

    public string Format => "md";

    public async Task RenderAsync(WeeklyReport report, Stream output, CancellationToken cancellationToken)
    {
        var md = new StringBuilder();
        var t = report.Totals;
        md.Append(Inv($"# OKR line-of-sight — {report.Week}\n\n"));
        md.Append(Inv($"{report.From:yyyy-MM-dd HH:mm} to {report.To:yyyy-MM-dd HH:mm} UTC · period {Md(report.Period)} · generated {report.GeneratedAt:yyyy-MM-dd HH:mm} UTC\n\n"));
        md.Append(Inv($"**{Pct(t.UnlinkedShare)} of this week's work serves no OKR** ({t.Unlinked} of {t.Items} items"));
        md.Append(t.Points.Total > 0 ? Inv($"; {Pct(t.Points.UnlinkedShare)} of {Num(t.Points.Total)} points).\n\n") : ").\n\n");
        md.Append(Inv($"| | items | linked | BAU | unlinked | unlinked share | points unlinked |\n|---|---:|---:|---:|---:|---:|---:|\n"));
        md.Append(Inv($"| **all** | {t.Items} | {t.Linked} | {t.Bau} | {t.Unlinked} | {Pct(t.UnlinkedShare)} | {Pct(t.Points.UnlinkedShare)} |\n"));
        foreach (var team in report.Teams)
        {
            md.Append(Inv($"| {Md(team.Team)} | {team.Items} | {team.Linked} | {team.Bau} | {team.Unlinked} | {Pct(team.UnlinkedShare)} | {Pct(team.Points.UnlinkedShare)} |\n"));
        }

        md.Append("\n## Key results\n");
        foreach (var objective in report.Objectives)
        {
            md.Append(Inv($"\n### {Md(objective.Id)} — {Md(objective.Title)}\n\n"));
            md.Append("| KR | baseline → current → target | progress | expected | status | trend | baseline from | items (todo / doing / done) | points | flags |\n");
            md.Append("|---|---|---:|---:|---|---|---|---|---:|---|\n");
            foreach (var kr in objective.KeyResults)
            {
                md.Append(Inv($"| **{Md(kr.Id)}** {Md(kr.Title)} | {Value(kr.Baseline, kr.Unit)} → {Value(kr.Current, kr.Unit)} → {Value(kr.Target, kr.Unit)} | "));
                md.Append(Inv($"{(kr.Progress is { } p ? Pct(p) : "–")} | {Pct(kr.Expected)} | {kr.Status ?? "–"} | {Sparkline.Blocks(kr.Samples)} | {BaselineFrom(kr)} | "));
                md.Append(Inv($"{kr.Items.Total} ({kr.Items.Todo} / {kr.Items.InProgress} / {kr.Items.Done}) | {Num(kr.Points)} | "));
                md.Append(kr.Flags.Count == 0 ? "|\n" : string.Join(", ", kr.Flags.Select(f => $"`{f}`")) + " |\n");
            }

            AppendMetricNotes(md, objective.KeyResults);
        }

        md.Append(Inv($"\n## Work that serves no OKR ({report.UnlinkedItems.Count})\n\n"));
        if (report.UnlinkedItems.Count > 0)
        {
            md.Append("| item | title | team | type | state | points |\n|---|---|---|---|---|---:|\n");
            foreach (var item in report.UnlinkedItems.Take(UnlinkedRows))
            {
                var key = item.Url is null ? Md(item.Key) : $"[{Md(item.Key)}]({item.Url.Replace(")", "%29", StringComparison.Ordinal)})";
                md.Append(Inv($"| {key} | {Md(item.Title)} | {Md(item.Team)} | {Md(item.Type)} | {Md(item.State)} | {(item.Points is { } pt ? Num(pt) : "")} |\n"));
            }

            if (report.UnlinkedItems.Count > UnlinkedRows)
            {
                md.Append(Inv($"\n…and {report.UnlinkedItems.Count - UnlinkedRows} more in the JSON report.\n"));
            }
        }

        if (report.Findings.Count > 0)
        {
            md.Append(Inv($"\n## Findings ({report.Findings.Count})\n\n"));
            foreach (var f in report.Findings)
            {
                md.Append(Inv($"- **{f.Severity}** `{f.Rule}` {Md(f.Subject)}: {Md(f.Message)}\n"));
            }
        }

        if (report.Trend.Count > 0)
        {
            md.Append("\n## Trend of the unlinked share\n\n| week | unlinked share |\n|---|---:|\n");
            foreach (var point in report.Trend)
            {
                md.Append(Inv($"| {point.Week}{(point.Reconstructed ? " *" : "")} | {Pct(point.UnlinkedShare)} |\n"));
            }

            if (report.Trend.Any(p => p.Reconstructed))
            {
                md.Append("\n\\* worked out afterwards from the store; no report was made that week.\n");
            }
        }

        var bytes = Encoding.UTF8.GetBytes(md.ToString());
        await output.WriteAsync(bytes, cancellationToken);
    }

    private static string BaselineFrom(KeyResultReport kr) =>
        kr.BaselineSource is { } source ? Inv($"{Md(source.Provider)}, {source.At:yyyy-MM-dd}")
        : kr.Baseline is not null ? "okrs.yaml"
        : "–";

    // Below each table: where each pulled baseline came from in full, and why a metric is stale.
    private static void AppendMetricNotes(StringBuilder md, IReadOnlyList<KeyResultReport> krs)
    {
        var notes = new List<string>();
        foreach (var kr in krs)
        {
            if (kr.BaselineSource is { } source)
            {
                var captured = source.CapturedAt is { } at ? Inv($", captured {at:yyyy-MM-dd HH:mm} UTC") : "";
                notes.Add(Inv($"- {Md(kr.Id)}: baseline {Value(source.Value, kr.Unit)} from {Md(source.Provider)} ({Md(source.Query)}), the sample of {source.At:yyyy-MM-dd HH:mm} UTC{captured}.\n"));
            }

            if (kr.StaleReason is { } reason)
            {
                notes.Add($"- {Md(kr.Id)}: stale metric — {Md(reason.TrimEnd('.'))}.\n");
            }
        }

        if (notes.Count > 0)
        {
            md.Append('\n').AppendJoin("", notes);
        }
    }

    private static string Inv(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    private static string Pct(double share) => (share * 100).ToString("0.#", CultureInfo.InvariantCulture) + "%";

    private static string Num(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);

    private static string Value(double? value, string? unit) =>
        value is { } v ? Num(v) + (string.IsNullOrEmpty(unit) ? "" : unit.Length <= 2 ? unit : " " + unit) : "–";

    /// <summary>Tracker text inside a table cell: nothing in it may open markup, a link, HTML, or a new cell.</summary>
    internal static string Md(string text)
    {
        var sb = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            switch (c)
            {
                case '\r' or '\n':
                    sb.Append(' ');
                    break;
                case '<':
                    sb.Append("&lt;");
                    break;
                case '>':
                    sb.Append("&gt;");
                    break;
                case '&':
                    sb.Append("&amp;");
                    break;
                case '|' or '\\' or '`' or '*' or '_' or '[' or ']' or '#' or '~':
                    sb.Append('\\').Append(c);
                    break;
                default:
                    sb.Append(c);
                    break;
            }
        }

        return sb.ToString();
    }
}
