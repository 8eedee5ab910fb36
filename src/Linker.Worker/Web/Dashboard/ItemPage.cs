using System.Text;
using OkrLinker.Core.Linking;
using OkrLinker.Core.Reports;
using OkrLinker.Core.Store;
using OkrLinker.Worker.WriteBack;
using static OkrLinker.Core.Reports.HtmlText;

namespace OkrLinker.Worker.Web.Dashboard;

/// <summary>
/// <c>/item/{source}/{key}</c>: one item, how the linker decides it and why, the report's suggestions for it with an
/// approve form each, a form to pick any other KR of the period, and every write-back recorded for it.
/// </summary>
internal static class ItemPage
{
    /// <summary>What the page shows beside the item; the forms carry <see cref="FormToken"/> under <see cref="FormField"/>.</summary>
    internal sealed record Parts(
        LinkedItem Linked,
        UnlinkedItem? InReport,
        IReadOnlyList<WriteRecordRow> History,
        WriteBackState WriteBack,
        string FormField,
        string FormToken);

    public static string Render(DashboardView view, Parts parts)
    {
        var item = parts.Linked.Item;
        var path = DashboardView.ItemPath(item.Source, item.Key);
        var html = new StringBuilder(16 * 1024);
        html.Append("<section aria-labelledby=\"item-title\">\n");
        html.Append(Inv, $"<h2 id=\"item-title\">{DashboardHtml.ItemKey(item.Key, item.Url)} {Encode(item.Title)}</h2>\n<dl class=\"figures\" id=\"item-facts\">");
        html.Append(Inv, $"<dt>Source</dt><dd>{Encode(item.Source)}</dd><dt>Team</dt><dd><a href=\"{Encode(view.Href(DashboardView.TeamPath(item.Team)))}\">{Encode(item.Team)}</a></dd>");
        html.Append(Inv, $"<dt>Type</dt><dd>{Encode(item.Type)}</dd><dt>State</dt><dd>{Encode(item.State)} ({Encode(item.Category.ToString())})</dd></dl>\n</section>\n");

        AppendLinkState(html, view, parts);
        AppendApproval(html, view, parts, path);
        AppendHistory(html, parts.History);
        return view.Page($"{item.Key}", "", path, html.ToString());
    }

    private static void AppendLinkState(StringBuilder html, DashboardView view, Parts parts)
    {
        var explanation = parts.Linked.Explanation;
        html.Append("<section aria-labelledby=\"link-title\">\n<h2 id=\"link-title\">Link</h2>\n");
        if (explanation is null)
        {
            html.Append("<p id=\"link-state\" class=\"muted\">Not worked out.</p>\n</section>\n");
            return;
        }

        var state = explanation.How switch
        {
            LinkHow.Unlinked => "unlinked: serves no key result",
            LinkHow.Bau => "BAU (run work)",
            _ => $"linked ({explanation.How.ToString().ToLowerInvariant()})",
        };
        html.Append(Inv, $"<p id=\"link-state\" data-how=\"{Encode(explanation.How.ToString())}\">{Encode(state)}");
        foreach (var kr in explanation.Krs)
        {
            html.Append(Inv, $" <a class=\"badge\" href=\"{Encode(view.Href(DashboardView.KrPath(kr)))}\">{Encode(kr)}</a>");
        }

        html.Append("</p>\n");
        if (explanation.Why.Count > 0)
        {
            html.Append("<ul id=\"link-why\">");
            foreach (var why in explanation.Why)
            {
                html.Append(Inv, $"<li>{Encode(why)}</li>");
            }

            html.Append("</ul>\n");
        }

        // A tag written but not yet read back: the triggered sync (then the refresh) has not run yet.
        if (parts.History.FirstOrDefault(r => r.Succeeded) is { } written
            && !explanation.Krs.Contains(written.KrId, StringComparer.OrdinalIgnoreCase))
        {
            var next = written.SyncTriggered
                ? "its scope's sync was triggered; the link shows here once it has run"
                : "it shows here after the scope's next scheduled sync";
            html.Append(Inv, $"<p id=\"sync-pending\" role=\"status\">Sync pending: the tag {Encode(written.Tag)} was written at {Time(written.ApprovedAt)}; {next}.</p>\n");
        }

        html.Append("</section>\n");
    }

    private static void AppendApproval(StringBuilder html, DashboardView view, Parts parts, string path)
    {
        var action = Encode(view.Href(path));
        var suggestions = parts.InReport?.Suggestions ?? [];
        html.Append("<section aria-labelledby=\"approve-title\">\n<h2 id=\"approve-title\">Tag it with a key result</h2>\n");
        html.Append(Inv, $"<p id=\"write-back\" class=\"{(parts.WriteBack.On ? "muted" : "error")}\">{Encode(parts.WriteBack.Why)}</p>\n");
        if (suggestions.Count > 0)
        {
            html.Append("<div class=\"table-wrap\"><table id=\"suggestions\">\n<thead><tr><th>Key result</th><th class=\"num\">Score</th><th>Evidence</th><th>Approve</th></tr></thead>\n<tbody>\n");
            foreach (var s in suggestions)
            {
                html.Append(Inv, $"<tr><td><a href=\"{Encode(view.Href(DashboardView.KrPath(s.Kr)))}\">{Encode(s.Kr)}</a></td><td class=\"num\">{Num(s.Score)}</td><td><ul>");
                foreach (var evidence in s.Evidence)
                {
                    html.Append(Inv, $"<li>{Encode(evidence)}</li>");
                }

                html.Append("</ul></td><td>");
                if (parts.WriteBack.On)
                {
                    html.Append(Inv, $"<form method=\"post\" action=\"{action}\">{Token(parts)}<input type=\"hidden\" name=\"kr\" value=\"{Encode(s.Kr)}\"><button type=\"submit\">Approve {Encode(s.Kr)}</button></form>");
                }

                html.Append("</td></tr>\n");
            }

            html.Append("</tbody>\n</table></div>\n");
        }
        else
        {
            html.Append("<p class=\"muted\" id=\"no-suggestions\">The report has no suggestion for this item.</p>\n");
        }

        if (parts.WriteBack.On)
        {
            html.Append(Inv, $"<form method=\"post\" action=\"{action}\" id=\"approve-other\">{Token(parts)}<label for=\"kr-pick\">Another key result</label><select id=\"kr-pick\" name=\"kr\" required><option value=\"\">Pick one</option>");
            foreach (var objective in view.Report.Objectives)
            {
                html.Append(Inv, $"<optgroup label=\"{Encode(objective.Id + " " + objective.Title)}\">");
                foreach (var kr in objective.KeyResults)
                {
                    html.Append(Inv, $"<option value=\"{Encode(kr.Id)}\">{Encode(kr.Id)} {Encode(kr.Title)}</option>");
                }

                html.Append("</optgroup>");
            }

            html.Append("</select><button type=\"submit\">Approve</button></form>\n");
        }

        html.Append("</section>\n");
    }

    private static string Token(Parts parts) =>
        $"<input type=\"hidden\" name=\"{Encode(parts.FormField)}\" value=\"{Encode(parts.FormToken)}\">";

    private static void AppendHistory(StringBuilder html, IReadOnlyList<WriteRecordRow> history)
    {
        html.Append("<section aria-labelledby=\"history-title\">\n<h2 id=\"history-title\">Write history</h2>\n");
        if (history.Count == 0)
        {
            html.Append("<p class=\"muted\" id=\"no-writes\">Nothing was written to the tracker for this item.</p>\n</section>\n");
            return;
        }

        html.Append("<div class=\"table-wrap\"><table id=\"writes\">\n<thead><tr><th>When</th><th>Approved by</th><th>Tag</th><th>Result</th><th class=\"num\">Status</th><th>Tracker's answer</th><th>Sent</th></tr></thead>\n<tbody>\n");
        foreach (var r in history)
        {
            html.Append(Inv, $"<tr data-result=\"{(r.Succeeded ? "written" : "failed")}\"><td>{Time(r.ApprovedAt)}</td><td>{Encode(r.ApprovedBy)}</td><td>{Encode(r.Tag)}</td>");
            html.Append(Inv, $"<td>{(r.Succeeded ? "written" : "failed")}</td><td class=\"num\">{(r.Status is { } status ? status.ToString(Inv) : "")}</td><td>{Encode(r.Answer)}</td>");
            html.Append(Inv, $"<td><pre>{string.Join('\n', r.Sent.Split('\n').Select(Encode))}</pre></td></tr>\n");
        }

        html.Append("</tbody>\n</table></div>\n</section>\n");
    }
}
