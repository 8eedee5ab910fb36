using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using OkrLinker.Core.Reports;

namespace OkrLinker.Worker.Delivery.Slack;

/// <summary>
/// The report as a Block Kit message for an incoming webhook: a header, the KRs off track, the headline figures, the
/// teams, the top unlinked items, the KRs nobody works on, and a context line linking to the full
/// report; <c>text</c> is the fallback for notifications.
/// </summary>
internal static class SlackMessage
{
    // Slack allows 10 fields per section.
    private const int MaxFields = 10;

    public static JsonObject Build(WeeklyReport report, Uri? link)
    {
        var blocks = new JsonArray
        {
            new JsonObject
            {
                ["type"] = "header",
                ["text"] = new JsonObject { ["type"] = "plain_text", ["text"] = ReportDigest.Title(report), ["emoji"] = true },
            },
        };

        // Red is the signal: the KRs off track come before every other figure.
        if (ReportDigest.OffTrack(report) is { Count: > 0 } offTrack)
        {
            var lines = offTrack.Take(ReportDigest.KrsWithoutWorkListed)
                .Select(kr => $"• *{SlackText.Escape(ReportDigest.OneLine(kr.Id, 40))}* {SlackText.Escape(ReportDigest.OneLine(kr.Title))} — {SlackText.Escape(ReportDigest.KrFigures(kr))}")
                .ToList();
            if (offTrack.Count > ReportDigest.KrsWithoutWorkListed)
            {
                lines.Add(string.Create(CultureInfo.InvariantCulture, $"…and {offTrack.Count - ReportDigest.KrsWithoutWorkListed} more in the full report"));
            }

            blocks.Add(Section($":red_circle: *{ReportDigest.OffTrackCount(offTrack.Count)}*\n" + string.Join('\n', lines)));
        }

        blocks.Add(Headline(report));

        if (report.Teams.Count > 0)
        {
            blocks.Add(TeamsSection(report));
        }

        blocks.Add(UnlinkedSection(report));
        if (ReportDigest.KrsWithoutWork(report) is { Count: > 0 } krs)
        {
            var lines = krs.Take(ReportDigest.KrsWithoutWorkListed)
                .Select(kr => $"• *{SlackText.Escape(ReportDigest.OneLine(kr.Id, 40))}* {SlackText.Escape(ReportDigest.OneLine(kr.Title))}")
                .ToList();
            if (krs.Count > ReportDigest.KrsWithoutWorkListed)
            {
                lines.Add(string.Create(CultureInfo.InvariantCulture, $"…and {krs.Count - ReportDigest.KrsWithoutWorkListed} more in the full report"));
            }

            blocks.Add(Section("*KRs with no work in the last 4 weeks*\n" + string.Join('\n', lines)));
        }

        blocks.Add(new JsonObject
        {
            ["type"] = "context",
            ["elements"] = new JsonArray { Mrkdwn(Context(report, link)) },
        });

        return new JsonObject { ["text"] = Fallback(report, link), ["blocks"] = blocks };
    }

    private static JsonObject Headline(WeeklyReport report)
    {
        var t = report.Totals;
        var fields = new JsonArray
        {
            Mrkdwn(string.Create(CultureInfo.InvariantCulture, $"*Items*\n{t.Items}")),
            Mrkdwn(string.Create(CultureInfo.InvariantCulture, $"*Linked*\n{t.Linked}")),
            Mrkdwn(string.Create(CultureInfo.InvariantCulture, $"*BAU*\n{t.Bau}")),
            Mrkdwn($"*Unlinked*\n{ReportDigest.UnlinkedFigure(report)}"),
        };
        if (ReportDigest.UnlinkedPointsFigure(report) is { } points)
        {
            fields.Add(Mrkdwn($"*Unlinked points*\n{points}"));
        }

        var section = Section($"*{ReportDigest.HeadlineShare(report)}* {ReportDigest.HeadlineCounts(report)}");
        section["fields"] = fields;
        return section;
    }

    private static JsonObject TeamsSection(WeeklyReport report)
    {
        var teams = report.Teams;
        var shown = teams.Count <= MaxFields ? teams : teams.Take(MaxFields - 1).ToList();
        var fields = new JsonArray();
        foreach (var team in shown)
        {
            fields.Add(Mrkdwn($"*{SlackText.Escape(ReportDigest.OneLine(team.Team, 80))}*\n{ReportDigest.TeamShare(team)}"));
        }

        if (shown.Count < teams.Count)
        {
            fields.Add(Mrkdwn(string.Create(CultureInfo.InvariantCulture, $"…and {teams.Count - shown.Count} more teams in the full report")));
        }

        var section = Section("*Unlinked share by team*");
        section["fields"] = fields;
        return section;
    }

    private static JsonObject UnlinkedSection(WeeklyReport report)
    {
        var text = new StringBuilder(string.Create(CultureInfo.InvariantCulture, $"*Work that serves no OKR ({report.UnlinkedItems.Count})*"));
        if (report.UnlinkedItems.Count == 0)
        {
            text.Append("\nNone this week.");
        }

        foreach (var item in ReportDigest.TopUnlinked(report))
        {
            var key = ReportDigest.WebAddress(item.Url) is { } url ? SlackText.Link(url, item.Key) : SlackText.Escape(item.Key);
            text.Append($"\n• {key} {SlackText.Escape(ReportDigest.OneLine(item.Title))} — {SlackText.Escape(ReportDigest.TeamAndPoints(item.Team, item.Points))}");
        }

        if (ReportDigest.MoreUnlinked(report) is > 0 and var more)
        {
            text.Append(CultureInfo.InvariantCulture, $"\n…and {more} more in the full report");
        }

        return Section(text.ToString());
    }

    private static string Context(WeeklyReport report, Uri? link)
    {
        var text = string.Create(CultureInfo.InvariantCulture,
            $"Period {SlackText.Escape(report.Period)} · week from {report.From:yyyy-MM-dd} · generated {report.GeneratedAt.UtcDateTime:yyyy-MM-dd HH:mm} UTC");
        return link is null ? text : $"{text} · {SlackText.Link(link, "Full report")}";
    }

    private static string Fallback(WeeklyReport report, Uri? link)
    {
        var text = $"{ReportDigest.Title(report)}: {ReportDigest.HeadlineShare(report)} {ReportDigest.HeadlineCounts(report)}.";
        return link is null ? text : $"{text} {SlackText.Link(link, "Full report")}";
    }

    private static JsonObject Section(string mrkdwn) => new() { ["type"] = "section", ["text"] = Mrkdwn(mrkdwn) };

    private static JsonObject Mrkdwn(string text) => new() { ["type"] = "mrkdwn", ["text"] = text };
}
