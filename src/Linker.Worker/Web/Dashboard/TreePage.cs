using System.Text;
using OkrLinker.Core.Reports;
using static OkrLinker.Core.Reports.HtmlText;

namespace OkrLinker.Worker.Web.Dashboard;

/// <summary>
/// Objective → KR → epics → stories → items as nested <c>&lt;details&gt;</c> (no script). Each level shows its item count
/// and points (<c>data-count</c>, <c>data-points</c> carry them too, <c>data-own</c> an item's own points); a KR's are the report's, and its items' add up to them.
/// </summary>
internal static class TreePage
{
    public static string Render(DashboardView view, IReadOnlyList<LinkedWork> linked)
    {
        var byKr = linked.ToLookup(w => w.KrId, StringComparer.OrdinalIgnoreCase);
        var html = new StringBuilder(64 * 1024);
        html.Append("<section class=\"long tree\" aria-labelledby=\"tree-title\">\n<h2 id=\"tree-title\">Objectives, key results and the work under them</h2>\n");
        html.Append("<p class=\"small muted\">Counts and points include everything under a line. An item serving two KRs shows under each.</p>\n<ul>\n");
        foreach (var objective in view.Report.Objectives)
        {
            var count = objective.KeyResults.Sum(k => k.Items.Total);
            var points = objective.KeyResults.Sum(k => k.Points);
            html.Append(Inv, $"<li><details class=\"objective\" open data-count=\"{count}\" data-points=\"{Num(points)}\"><summary><span class=\"key\">{Encode(objective.Id)}</span> {Encode(objective.Title)} ");
            html.Append(Inv, $"<span class=\"count\">{Counted(count, points)}</span></summary>\n<ul>\n");
            foreach (var kr in objective.KeyResults)
            {
                AppendKeyResult(html, view, kr, LineOfSightTree.Build([.. byKr[kr.Id]]));
            }

            html.Append("</ul>\n</details></li>\n");
        }

        html.Append("</ul>\n</section>\n");
        return view.Page("Line of sight", "/tree", "/tree", html.ToString());
    }

    private static void AppendKeyResult(StringBuilder html, DashboardView view, KeyResultReport kr, IReadOnlyList<TreeNode> roots)
    {
        html.Append(Inv, $"<li><details class=\"kr\" id=\"kr-{Encode(kr.Id)}\" data-kr=\"{Encode(kr.Id)}\" data-count=\"{kr.Items.Total}\" data-points=\"{Num(kr.Points)}\"><summary>");
        html.Append(Inv, $"<span class=\"key\">{Encode(kr.Id)}</span> {Encode(kr.Title)} <span class=\"count\">{Counted(kr.Items.Total, kr.Points)}</span>");
        DashboardHtml.AppendMetric(html, kr, withFlags: true);
        html.Append("</summary>\n");
        html.Append(Inv, $"<p class=\"open-link small\"><a class=\"open-kr\" href=\"{Encode(view.Href(DashboardView.KrPath(kr.Id)))}\">{Encode(kr.Id)}: metric history and how each item is linked</a></p>\n");
        if (roots.Count == 0)
        {
            html.Append("<p class=\"muted small\">Nothing is linked to this key result.</p>\n");
        }
        else
        {
            html.Append("<ul>\n");
            foreach (var root in roots)
            {
                AppendNode(html, root);
            }

            html.Append("</ul>\n");
        }

        html.Append("</details></li>\n");
    }

    private static void AppendNode(StringBuilder html, TreeNode node)
    {
        var w = node.Work;
        var about = string.Create(Inv, $"<span class=\"item-title\">{Encode(w.Title)}</span> <span class=\"count\">{Encode(w.Type)} · {Encode(w.State)}");
        if (node.Children.Count == 0)
        {
            html.Append(Inv, $"<li class=\"leaf node\" data-count=\"1\" data-points=\"{Num(node.Points)}\">{DashboardHtml.ItemKey(w.Key, w.Url)} {about}{(w.Points is { } p ? " · " + Num(p) + " pts" : "")}</span></li>\n");
            return;
        }

        // A summary holds no link (a link inside a toggle is a control inside a control); the item's link opens the list.
        html.Append(Inv, $"<li><details class=\"node\" data-count=\"{node.Count}\" data-points=\"{Num(node.Points)}\" data-own=\"{Num(w.Points ?? 0)}\"><summary><span class=\"key\">{Encode(w.Key)}</span> {about} · {Counted(node.Count, node.Points)}</span></summary>\n<ul>\n");
        html.Append(Inv, $"<li class=\"open-link small\">{DashboardHtml.ItemKey(w.Key, w.Url)} in its tracker</li>\n");
        foreach (var child in node.Children)
        {
            AppendNode(html, child);
        }

        html.Append("</ul>\n</details></li>\n");
    }

    private static string Counted(int count, double points) =>
        string.Create(Inv, $"{count} {(count == 1 ? "item" : "items")} · {Num(points)} pts");
}
