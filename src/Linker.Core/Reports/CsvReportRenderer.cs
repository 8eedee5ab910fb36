using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;

namespace OkrLinker.Core.Reports;

/// <summary>
/// The report as ONE table a spreadsheet can filter by its first column, <c>section</c>:
/// <list type="bullet">
/// <item><c>total</c> — one row, the whole week: <c>items … unlinked_share</c>, <c>points</c> = all story points.</item>
/// <item><c>team</c> — one row per team, the same columns.</item>
/// <item><c>kr</c> — one row per key result: <c>team</c> (its teams, <c>; </c>-separated), <c>key</c> (the KR id),
/// <c>title, points, items</c> and the KR columns <c>objective … flags</c> (flags <c>; </c>-separated).</item>
/// <item><c>unlinked</c> — one row per unlinked item: <c>team, key, title, type, state, points, url</c>.</item>
/// </list>
/// A column that does not apply to a section is empty. Beyond the brief's header there is one more
/// column, <c>points_unlinked_share</c>, because the headline states the share by points too.
/// Shares are fractions 0–1 as in the JSON; numbers are invariant. Lines end CRLF (RFC 4180), and
/// the file starts with a UTF-8 byte-order mark so Excel does not read the titles as ANSI.
/// Every text from a tracker is guarded against formula injection (<see cref="CsvField.Guard"/>).
/// </summary>
internal sealed class CsvReportRenderer : IReportRenderer
{
    public const string Header = "section,team,key,title,type,state,points,url,items,linked,bau,unlinked,unlinked_share,points_unlinked_share,"
        + "objective,baseline,current,target,unit,progress,expected,status,baseline_source,flags";

    // After an unlinked row's url: the six figure columns and the ten KR columns, all empty.
    private static ReadOnlySpan<byte> UnlinkedRowEnd => ",,,,,,,,,,,,,,,,\r\n"u8;

    private static readonly string[] NoKrColumns = ["", "", "", "", "", "", "", "", "", ""];

    public string Format => "csv";

    public async Task RenderAsync(WeeklyReport report, Stream output, CancellationToken cancellationToken)
    {
        // Written out as it grows: the unlinked rows of a million-item week are 17 MB of CSV.
        await output.WriteAsync(Encoding.UTF8.Preamble.ToArray(), cancellationToken);
        await using var writer = new StreamWriter(output, new UTF8Encoding(false), 1 << 16, leaveOpen: true);
        var csv = new StringBuilder();
        csv.Append(Header).Append("\r\n");

        var t = report.Totals;
        Figures(csv, "total", "", t.Items, t.Linked, t.Bau, t.Unlinked, t.UnlinkedShare, t.Points);
        foreach (var team in report.Teams)
        {
            Figures(csv, "team", CsvField.Text(team.Team), team.Items, team.Linked, team.Bau, team.Unlinked, team.UnlinkedShare, team.Points);
        }

        foreach (var objective in report.Objectives)
        {
            foreach (var kr in objective.KeyResults)
            {
                KeyResult(csv, objective.Id, kr);
            }
        }

        // The unlinked rows go to the file as UTF-8 bytes (Utf8Rows), after what the writer holds.
        await writer.WriteAsync(csv, cancellationToken);
        await writer.FlushAsync(cancellationToken);
        var rows = new Utf8Rows(output);
        AppendUnlinked(rows, report.UnlinkedItems, cancellationToken);
        rows.Flush();
    }

    // Fully optimized from its first call rather than tiered: it runs once per report, in a process that lives a few
    // seconds, and its rows were otherwise written by first-tier code. On the renderer's own pool thread: the file is
    // written synchronously, 64 KB at a time.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void AppendUnlinked(Utf8Rows rows, IReadOnlyList<UnlinkedItem> items, CancellationToken cancellationToken)
    {
        var scratch = new StringBuilder();
        for (var k = 0; k < items.Count; k++)
        {
            // Cell by cell, each straight into the bytes: 220,000 rows of six strings.
            var item = items[k];
            rows.Append("unlinked,"u8);
            Cell(rows, item.Team, scratch);
            rows.Append(","u8);
            Cell(rows, item.Key, scratch);
            rows.Append(","u8);
            Cell(rows, item.Title, scratch);
            rows.Append(","u8);
            Cell(rows, item.Type, scratch);
            rows.Append(","u8);
            Cell(rows, item.State, scratch);
            rows.Append(","u8);
            if (item.Points is { } points)
            {
                // As Number: the invariant shortest round-trip form, which never holds a character that needs quoting.
                rows.Append(points, default);
            }

            rows.Append(","u8);
            Cell(rows, item.Url, scratch);
            rows.Append(UnlinkedRowEnd);
            if ((k & 1023) == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            rows.WhenFull();
        }
    }

    // CsvField.Text of the value: as it is when nothing in it needs guarding or quoting (nearly every cell), else
    // guarded and quoted by CsvField into the scratch builder first.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Cell(Utf8Rows rows, string? value, StringBuilder scratch)
    {
        var text = value.AsSpan();
        if (!text.ContainsAny(CsvField.Special) && (text.IsEmpty || !CsvField.IsFormulaStart(text[0])))
        {
            rows.Append(text);
            return;
        }

        scratch.Clear();
        CsvField.AppendText(scratch, value);
        rows.Append(scratch.ToString());
    }

    private static void Figures(StringBuilder csv, string section, string team, int items, int linked, int bau, int unlinked, double share, PointTotals points) =>
        Row(csv,
            [section, team, "", "", "", "", Number(points.Total), "",
            Number(items), Number(linked), Number(bau), Number(unlinked), Number(share), Number(points.UnlinkedShare), .. NoKrColumns]);

    private static void KeyResult(StringBuilder csv, string objective, KeyResultReport kr)
    {
        var source = kr.BaselineSource is { } b
            ? CsvField.Text(string.Create(CultureInfo.InvariantCulture, $"{b.Provider}: {b.Query} @ {b.At.UtcDateTime:yyyy-MM-ddTHH:mm:ssZ}"))
            : kr.Baseline is not null ? "okrs.yaml" : "";
        Row(csv,
            ["kr", CsvField.Text(string.Join("; ", kr.Teams)), CsvField.Text(kr.Id), CsvField.Text(kr.Title), "", "", Number(kr.Points), "",
            Number(kr.Items.Total), "", "", "", "", "",
            CsvField.Text(objective), Optional(kr.Baseline), Optional(kr.Current), Number(kr.Target), CsvField.Text(kr.Unit ?? ""),
            Optional(kr.Progress), Number(kr.Expected), CsvField.Text(kr.Status ?? ""), source, CsvField.Text(string.Join("; ", kr.Flags))]);
    }

    private static string Optional(double? value) => value is { } v ? Number(v) : "";

    private static void Row(StringBuilder csv, string[] cells) => csv.AppendJoin(',', cells).Append("\r\n");

    // Shortest round-trip form: 0.25, 0.3333, 2.5 — never a thousands separator, never a comma.
    private static string Number(double value) => CsvField.Own(value.ToString(CultureInfo.InvariantCulture));
}
