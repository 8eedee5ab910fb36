using System.Globalization;
using OkrLinker.Core.Figures;
using OkrLinker.Core.Reports;

namespace OkrLinker.Worker.Delivery;

/// <summary>
/// The short form of the report that chat messages and the mail subject carry: the headline, the
/// figures per team, the biggest unlinked items and the KRs nobody works on. Numbers read as in the
/// Markdown report (28.8%, 12.5).
/// </summary>
internal static class ReportDigest
{
    public const int TopUnlinkedCount = 5;

    /// <summary>Chat messages list at most this many KRs without work (Slack caps a section at 3000 characters).</summary>
    public const int KrsWithoutWorkListed = 10;

    public const string NoWorkFlag = "no-work";

    public static string Title(WeeklyReport report) => $"OKR line-of-sight — {report.Week}";

    /// <summary>
    /// <c>OKR line-of-sight 2026-W47: 28.8% of work serves no OKR</c>, led by <c>1 KR off track · </c> when any is.
    /// </summary>
    public static string Subject(WeeklyReport report)
    {
        var offTrack = OffTrack(report).Count;
        var lead = offTrack > 0 ? OffTrackCount(offTrack) + " · " : "";
        return $"OKR line-of-sight {report.Week}: {lead}{Pct(report.Totals.UnlinkedShare)} of work serves no OKR";
    }

    /// <summary><c>28.8% of this week's work serves no OKR</c>.</summary>
    public static string HeadlineShare(WeeklyReport report) =>
        $"{Pct(report.Totals.UnlinkedShare)} of this week's work serves no OKR";

    /// <summary><c>(36 of 125 items; 30% of 400 points)</c>, without the points when no item has any.</summary>
    public static string HeadlineCounts(WeeklyReport report)
    {
        var t = report.Totals;
        var items = string.Create(CultureInfo.InvariantCulture, $"{t.Unlinked} of {t.Items} items");
        return t.Points.Total > 0 ? $"({items}; {Pct(t.Points.UnlinkedShare)} of {Num(t.Points.Total)} points)" : $"({items})";
    }

    public static string UnlinkedFigure(WeeklyReport report) =>
        string.Create(CultureInfo.InvariantCulture, $"{report.Totals.Unlinked} ({Pct(report.Totals.UnlinkedShare)})");

    /// <summary><c>120 of 400 (30%)</c>, or null when no item has points.</summary>
    public static string? UnlinkedPointsFigure(WeeklyReport report)
    {
        var p = report.Totals.Points;
        return p.Total > 0 ? $"{Num(p.Unlinked)} of {Num(p.Total)} ({Pct(p.UnlinkedShare)})" : null;
    }

    /// <summary><c>25% · 15 of 60 items</c>.</summary>
    public static string TeamShare(TeamFigures team) =>
        string.Create(CultureInfo.InvariantCulture, $"{Pct(team.UnlinkedShare)} · {team.Unlinked} of {team.Items} items");

    public static IReadOnlyList<UnlinkedItem> TopUnlinked(WeeklyReport report) => [.. report.UnlinkedItems.Take(TopUnlinkedCount)];

    /// <summary>The items left out of <see cref="TopUnlinked"/>.</summary>
    public static int MoreUnlinked(WeeklyReport report) => Math.Max(0, report.UnlinkedItems.Count - TopUnlinkedCount);

    public static IReadOnlyList<KeyResultReport> KrsWithoutWork(WeeklyReport report) =>
    [
        .. report.Objectives.SelectMany(o => o.KeyResults)
            .Where(kr => kr.Flags.Contains(NoWorkFlag, StringComparer.OrdinalIgnoreCase)),
    ];

    /// <summary>The KRs whose status is off track, in report order: chat messages and mails lead with them.</summary>
    public static IReadOnlyList<KeyResultReport> OffTrack(WeeklyReport report) =>
    [
        .. report.Objectives.SelectMany(o => o.KeyResults)
            .Where(kr => string.Equals(kr.Status, KrStatus.OffTrack, StringComparison.Ordinal)),
    ];

    /// <summary><c>1 KR off track</c>, <c>3 KRs off track</c>.</summary>
    public static string OffTrackCount(int count) =>
        string.Create(CultureInfo.InvariantCulture, $"{count} KR{(count == 1 ? "" : "s")} off track");

    /// <summary><c>800 ms → 790 ms → 400 ms · progress 2.5% vs 57.6% expected</c>.</summary>
    public static string KrFigures(KeyResultReport kr) =>
        $"{Value(kr.Baseline, kr.Unit)} → {Value(kr.Current, kr.Unit)} → {Value(kr.Target, kr.Unit)} · progress {(kr.Progress is { } p ? Pct(p) : "–")} vs {Pct(kr.Expected)} expected";

    /// <summary>A KR value with its unit as the Markdown report writes it: <c>41%</c>, <c>2.4 days</c>, <c>–</c>.</summary>
    public static string Value(double? value, string? unit) =>
        value is { } v ? Num(v) + (string.IsNullOrEmpty(unit) ? "" : unit.Length <= 2 ? unit : " " + unit) : "–";

    /// <summary><c>payments · 8 pts</c>, or just the team when the item has no points.</summary>
    public static string TeamAndPoints(string team, double? points) =>
        points is { } p ? $"{team} · {Num(p)} pts" : team;

    /// <summary>The item's address when it is a web address; anything else (javascript:, relative) is no link.</summary>
    public static Uri? WebAddress(string? url) =>
        url is not null && Uri.TryCreate(url, UriKind.Absolute, out var uri)
        && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp) ? uri : null;

    public static string Pct(double share) => (share * 100).ToString("0.#", CultureInfo.InvariantCulture) + "%";

    public static string Num(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);

    /// <summary>Tracker text on one line, cut to <paramref name="max"/> characters so chat limits hold.</summary>
    public static string OneLine(string text, int max = 200)
    {
        var line = text.ReplaceLineEndings(" ").Trim();
        return line.Length <= max ? line : string.Concat(line.AsSpan(0, max - 1), "…");
    }
}
