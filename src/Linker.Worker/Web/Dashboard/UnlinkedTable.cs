using System.Text;
using OkrLinker.Core.Reports;
using static OkrLinker.Core.Reports.HtmlText;

namespace OkrLinker.Worker.Web.Dashboard;

/// <summary>
/// Unlinked items as a table; the unlinked page passes a header with sort links, the team page the plain one. The last
/// column holds the report's suggestions for each item (<see cref="SuggestionCell"/>).
/// </summary>
internal static class UnlinkedTable
{
    public static readonly (string Key, string Label, bool Numeric)[] Columns =
        [("key", "Item", false), ("title", "Title", false), ("team", "Team", false), ("source", "Source", false), ("type", "Type", false), ("state", "State", false), ("points", "Points", true)];

    public static void Append(StringBuilder html, DashboardView view, IEnumerable<UnlinkedItem> items, Func<(string Key, string Label, bool Numeric), string>? header)
    {
        html.Append("<div class=\"table-wrap\"><table id=\"unlinked\">\n<thead><tr>");
        foreach (var column in Columns)
        {
            html.Append(header?.Invoke(column) ?? $"<th{(column.Numeric ? " class=\"num\"" : "")}>{column.Label}</th>");
        }

        html.Append("<th>Suggested KR</th></tr></thead>\n<tbody>\n");
        foreach (var item in items)
        {
            html.Append(Inv, $"<tr><td>{DashboardHtml.ItemKey(item.Key, item.Url)}</td><td>{Encode(item.Title)}</td><td>{Encode(item.Team)}</td><td>{Encode(item.Source)}</td>");
            html.Append(Inv, $"<td>{Encode(item.Type)}</td><td>{Encode(item.State)}</td><td class=\"num\">{DashboardHtml.Points(item.Points)}</td>");
            SuggestionCell.Append(html, view, item);
            html.Append("</tr>\n");
        }

        html.Append("</tbody>\n</table></div>\n");
    }
}
