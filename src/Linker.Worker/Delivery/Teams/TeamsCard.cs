using System.Globalization;
using System.Text.Json.Nodes;
using OkrLinker.Core.Reports;

namespace OkrLinker.Worker.Delivery.Teams;

/// <summary>
/// The report as an Adaptive Card (1.4) in the message envelope that Teams incoming webhooks and
/// Workflows webhooks take: the title, the KRs off track, the headline figures and the teams as fact sets, the top
/// unlinked items as linked lines, the KRs nobody works on, and a button to the full report.
/// </summary>
internal static class TeamsCard
{
    public const string ContentType = "application/vnd.microsoft.card.adaptive";

    public static JsonObject Build(WeeklyReport report, Uri? link)
    {
        var body = new JsonArray
        {
            new JsonObject
            {
                ["type"] = "TextBlock", ["text"] = ReportDigest.Title(report), ["size"] = "Large", ["weight"] = "Bolder", ["wrap"] = true,
            },
        };

        // Red is the signal: the KRs off track come before every other figure.
        if (ReportDigest.OffTrack(report) is { Count: > 0 } offTrack)
        {
            var heading = Heading(ReportDigest.OffTrackCount(offTrack.Count));
            heading["color"] = "Attention";
            body.Add(heading);
            foreach (var kr in offTrack.Take(ReportDigest.KrsWithoutWorkListed))
            {
                body.Add(Text($"**{TeamsText.Escape(ReportDigest.OneLine(kr.Id, 40))}** {TeamsText.Escape(ReportDigest.OneLine(kr.Title))} — {TeamsText.Escape(ReportDigest.KrFigures(kr))}", spacing: "Small"));
            }

            if (offTrack.Count > ReportDigest.KrsWithoutWorkListed)
            {
                body.Add(Text(string.Create(CultureInfo.InvariantCulture, $"…and {offTrack.Count - ReportDigest.KrsWithoutWorkListed} more in the full report"), spacing: "Small"));
            }
        }

        body.Add(Text($"**{ReportDigest.HeadlineShare(report)}** {ReportDigest.HeadlineCounts(report)}"));
        body.Add(Facts(HeadlineFacts(report)));

        if (report.Teams.Count > 0)
        {
            body.Add(Heading("Unlinked share by team"));
            body.Add(Facts(report.Teams.Select(t => (TeamsText.Escape(ReportDigest.OneLine(t.Team, 80)), ReportDigest.TeamShare(t)))));
        }

        body.Add(Heading(string.Create(CultureInfo.InvariantCulture, $"Work that serves no OKR ({report.UnlinkedItems.Count})")));
        if (report.UnlinkedItems.Count == 0)
        {
            body.Add(Text("None this week."));
        }

        foreach (var item in ReportDigest.TopUnlinked(report))
        {
            var key = ReportDigest.WebAddress(item.Url) is { } url ? TeamsText.Link(url, item.Key) : TeamsText.Escape(item.Key);
            body.Add(Text($"{key} {TeamsText.Escape(ReportDigest.OneLine(item.Title))} — {TeamsText.Escape(ReportDigest.TeamAndPoints(item.Team, item.Points))}", spacing: "Small"));
        }

        if (ReportDigest.MoreUnlinked(report) is > 0 and var more)
        {
            var moreText = Text(string.Create(CultureInfo.InvariantCulture, $"…and {more} more in the full report"), spacing: "Small");
            moreText["isSubtle"] = true;
            body.Add(moreText);
        }

        if (ReportDigest.KrsWithoutWork(report) is { Count: > 0 } krs)
        {
            body.Add(Heading("KRs with no work in the last 4 weeks"));
            foreach (var kr in krs.Take(ReportDigest.KrsWithoutWorkListed))
            {
                body.Add(Text($"**{TeamsText.Escape(ReportDigest.OneLine(kr.Id, 40))}** {TeamsText.Escape(ReportDigest.OneLine(kr.Title))}", spacing: "Small"));
            }

            if (krs.Count > ReportDigest.KrsWithoutWorkListed)
            {
                body.Add(Text(string.Create(CultureInfo.InvariantCulture, $"…and {krs.Count - ReportDigest.KrsWithoutWorkListed} more in the full report"), spacing: "Small"));
            }
        }

        var card = new JsonObject
        {
            ["$schema"] = "http://adaptivecards.io/schemas/adaptive-card.json",
            ["type"] = "AdaptiveCard",
            ["version"] = "1.4",
            ["body"] = body,
        };
        if (link is not null)
        {
            card["actions"] = new JsonArray
            {
                new JsonObject { ["type"] = "Action.OpenUrl", ["title"] = "Open the full report", ["url"] = link.AbsoluteUri },
            };
        }

        return new JsonObject
        {
            ["type"] = "message",
            ["attachments"] = new JsonArray
            {
                new JsonObject { ["contentType"] = ContentType, ["contentUrl"] = null, ["content"] = card },
            },
        };
    }

    private static IEnumerable<(string Title, string Value)> HeadlineFacts(WeeklyReport report)
    {
        var t = report.Totals;
        yield return ("Items", t.Items.ToString(CultureInfo.InvariantCulture));
        yield return ("Linked", t.Linked.ToString(CultureInfo.InvariantCulture));
        yield return ("BAU", t.Bau.ToString(CultureInfo.InvariantCulture));
        yield return ("Unlinked", ReportDigest.UnlinkedFigure(report));
        if (ReportDigest.UnlinkedPointsFigure(report) is { } points)
        {
            yield return ("Unlinked points", points);
        }
    }

    private static JsonObject Facts(IEnumerable<(string Title, string Value)> facts) => new()
    {
        ["type"] = "FactSet",
        ["facts"] = new JsonArray([.. facts.Select(f => (JsonNode)new JsonObject { ["title"] = f.Title, ["value"] = f.Value })]),
    };

    private static JsonObject Heading(string text) => new()
    {
        ["type"] = "TextBlock", ["text"] = text, ["weight"] = "Bolder", ["wrap"] = true, ["spacing"] = "Medium",
    };

    private static JsonObject Text(string text, string? spacing = null)
    {
        var block = new JsonObject { ["type"] = "TextBlock", ["text"] = text, ["wrap"] = true };
        if (spacing is not null)
        {
            block["spacing"] = spacing;
        }

        return block;
    }
}
