using System.Text;
using OkrLinker.Core.Reports;
using static OkrLinker.Core.Reports.HtmlText;

namespace OkrLinker.Worker.Web.Dashboard;

/// <summary><c>/kr/{id}</c>: the KR's figures, its metric history, where its baseline came from, and every item linked to it and how.</summary>
internal static class KeyResultPage
{
    public static string Render(DashboardView view, ObjectiveReport objective, KeyResultReport kr, IReadOnlyList<LinkedWork> linked)
    {
        var html = new StringBuilder(32 * 1024);
        html.Append(Inv, $"<p class=\"muted\">Objective <span class=\"key\">{Encode(objective.Id)}</span> {Encode(objective.Title)}</p>\n");
        html.Append("<section aria-labelledby=\"kr-figures-title\">\n<h2 id=\"kr-figures-title\">Figures</h2>\n<dl class=\"figures\" id=\"kr-figures\">");
        Figure(html, "baseline", "Baseline", Value(kr.Baseline, kr.Unit));
        Figure(html, "current", "Current", Value(kr.Current, kr.Unit));
        Figure(html, "target", "Target", Value(kr.Target, kr.Unit));
        Figure(html, "progress", "Progress", kr.Progress is { } p ? Pct(p) : "–");
        Figure(html, "expected", "Expected by now", Pct(kr.Expected));
        Figure(html, "status", "Status", kr.Status ?? "–");
        Figure(html, "items", "Items", kr.Items.Total.ToString(Inv));
        Figure(html, "todo", "To do", kr.Items.Todo.ToString(Inv));
        Figure(html, "in-progress", "In progress", kr.Items.InProgress.ToString(Inv));
        Figure(html, "done", "Done", kr.Items.Done.ToString(Inv));
        Figure(html, "points", "Points", Num(kr.Points));
        Figure(html, "last-activity", "Last activity", kr.LastActivity is { } at ? Time(at) : "–");
        html.Append("</dl>\n");
        if (kr.Teams.Count > 0)
        {
            html.Append("<p>Teams: ").AppendJoin(", ", kr.Teams.Select(t => $"<a href=\"{Encode(view.Href(DashboardView.TeamPath(t)))}\">{Encode(t)}</a>")).Append("</p>\n");
        }

        if (kr.Flags.Count > 0)
        {
            html.Append("<p>Flags: ");
            DashboardHtml.AppendFlags(html, kr.Flags);
            html.Append("</p>\n");
        }

        html.Append("</section>\n<section aria-labelledby=\"metric-title\">\n<h2 id=\"metric-title\">Metric history</h2>\n");
        HtmlMetricChart.Append(html, kr);
        html.Append(Inv, $"<p id=\"baseline-source\">{Encode(Provenance(kr))}</p>\n");
        if (kr.StaleReason is { } stale)
        {
            html.Append(Inv, $"<p class=\"kr-stale\">Stale: {Encode(stale)}</p>\n");
        }

        html.Append("</section>\n");
        AppendLinked(html, linked);
        return view.Page($"{kr.Id} {kr.Title}", "", DashboardView.KrPath(kr.Id), html.ToString());
    }

    private static void Figure(StringBuilder html, string id, string label, string value) =>
        html.Append(Inv, $"<div><dt>{label}</dt><dd id=\"kr-{id}\">{Encode(value)}</dd></div>");

    private static string Provenance(KeyResultReport kr) =>
        kr.BaselineSource is { } s
            ? string.Create(Inv, $"Baseline {Num(s.Value)} from {s.Provider} ({s.Query}), the sample of {Time(s.At)}") +
              (s.CapturedAt is { } captured ? $", captured {Time(captured)}." : ", not yet captured.")
            : kr.Baseline is not null ? "Baseline given in okrs.yaml." : "No baseline yet.";

    private static void AppendLinked(StringBuilder html, IReadOnlyList<LinkedWork> linked)
    {
        html.Append(Inv, $"<section class=\"long\" aria-labelledby=\"linked-title\">\n<h2 id=\"linked-title\">Linked work ({linked.Count})</h2>\n");
        if (linked.Count == 0)
        {
            html.Append("<p class=\"muted\">Nothing is linked to this key result.</p>\n</section>\n");
            return;
        }

        html.Append("<div class=\"table-wrap\"><table id=\"linked\">\n<thead><tr><th>Item</th><th>Title</th><th>Team</th><th>Type</th><th>State</th><th class=\"num\">Points</th><th>How it is linked</th></tr></thead>\n<tbody>\n");
        foreach (var w in linked)
        {
            html.Append(Inv, $"<tr data-reason=\"{Encode(w.Reason)}\"><td>{DashboardHtml.ItemKey(w.Key, w.Url)}</td><td>{Encode(w.Title)}</td><td>{Encode(w.Team)}</td><td>{Encode(w.Type)}</td><td>{Encode(w.State)}</td>");
            html.Append(Inv, $"<td class=\"num\">{DashboardHtml.Points(w.Points)}</td><td class=\"how\">{Encode(DashboardHtml.How(w))}</td></tr>\n");
        }

        html.Append("</tbody>\n</table></div>\n</section>\n");
    }
}
