using System.Text;
using OkrLinker.Core.Reports;
using static OkrLinker.Core.Reports.HtmlText;

namespace OkrLinker.Worker.Web.Dashboard;

/// <summary><c>/unlinked</c>: the week's unlinked items, filtered, sorted and paged by the query; the same rows as CSV at <c>/unlinked.csv</c>.</summary>
internal static class UnlinkedPage
{
    public static string Render(DashboardView view, UnlinkedQuery query)
    {
        var all = view.Report.UnlinkedItems;
        var rows = query.Apply(all);
        var pages = Math.Max(1, (rows.Count + UnlinkedQuery.PageSize - 1) / UnlinkedQuery.PageSize);
        var page = Math.Min(query.Page, pages);
        var shown = rows.Skip((page - 1) * UnlinkedQuery.PageSize).Take(UnlinkedQuery.PageSize).ToList();

        var html = new StringBuilder(32 * 1024);
        html.Append(Inv, $"<section class=\"long\" aria-labelledby=\"unlinked-title\">\n<h2 id=\"unlinked-title\">Work that serves no OKR: <span id=\"unlinked-count\">{rows.Count}</span> of {all.Count} items</h2>\n");
        AppendFilters(html, view, query, all);
        html.Append(Inv, $"<p class=\"small\"><a id=\"csv\" href=\"{Encode(view.Href("/unlinked.csv", query.WithSort()))}\" download>Download these {rows.Count} rows as CSV</a></p>\n");
        if (rows.Count == 0)
        {
            html.Append("<p class=\"muted\">No unlinked item matches.</p>\n");
        }
        else
        {
            UnlinkedTable.Append(html, view, shown, column => Header(view, query, column));
            AppendPager(html, view, query, page, pages);
        }

        html.Append("</section>\n");
        return view.Page("Unlinked work", "/unlinked", "/unlinked", html.ToString());
    }

    /// <summary>The rows of the page's query, all pages, as CSV: the report's unlinked columns, tracker text guarded against formulas.</summary>
    public static string Csv(WeeklyReport report, UnlinkedQuery query)
    {
        var csv = new StringBuilder("source,key,title,url,team,type,state,points\r\n");
        foreach (var i in query.Apply(report.UnlinkedItems))
        {
            csv.AppendJoin(',', CsvField.Text(i.Source), CsvField.Text(i.Key), CsvField.Text(i.Title), CsvField.Text(i.Url), CsvField.Text(i.Team), CsvField.Text(i.Type), CsvField.Text(i.State), i.Points is { } p ? Num(p) : "");
            csv.Append("\r\n");
        }

        return csv.ToString();
    }

    private static void AppendFilters(StringBuilder html, DashboardView view, UnlinkedQuery query, IReadOnlyList<UnlinkedItem> all)
    {
        html.Append("<form class=\"filters\" method=\"get\" action=\"/unlinked\">\n");
        if (view.RequestedWeek is { } week)
        {
            html.Append(Inv, $"<input type=\"hidden\" name=\"week\" value=\"{Encode(week)}\">");
        }

        var columns = all as UnlinkedRows;
        Select(html, "team", "Team", query.Team, columns?.Values(UnlinkedRows.Column.Team) ?? all.Select(i => i.Team));
        Select(html, "source", "Source", query.Source, columns?.Values(UnlinkedRows.Column.Source) ?? all.Select(i => i.Source));
        Select(html, "type", "Type", query.Type, columns?.Values(UnlinkedRows.Column.Type) ?? all.Select(i => i.Type));
        Select(html, "state", "State", query.State, columns?.Values(UnlinkedRows.Column.State) ?? all.Select(i => i.State));
        if (query.Sort is { } sort)
        {
            html.Append(Inv, $"<input type=\"hidden\" name=\"sort\" value=\"{Encode(sort)}\"><input type=\"hidden\" name=\"dir\" value=\"{(query.Descending ? "desc" : "asc")}\">");
        }

        html.Append(Inv, $"<button type=\"submit\">Filter</button> <a href=\"{Encode(view.Href("/unlinked"))}\">Clear</a>\n</form>\n");
    }

    private static void Select(StringBuilder html, string name, string label, string? selected, IEnumerable<string> values)
    {
        html.Append(Inv, $"<label>{label}<select name=\"{name}\"><option value=\"\">All</option>");
        foreach (var value in values.Distinct(StringComparer.OrdinalIgnoreCase).Order(StringComparer.OrdinalIgnoreCase))
        {
            var isSelected = string.Equals(value, selected, StringComparison.OrdinalIgnoreCase) ? " selected" : "";
            html.Append(Inv, $"<option{isSelected}>{Encode(value)}</option>");
        }

        html.Append("</select></label>\n");
    }

    // A header links to its own sort; on the sorted column it says which way and turns it round.
    private static string Header(DashboardView view, UnlinkedQuery query, (string Key, string Label, bool Numeric) column)
    {
        var sorted = query.Sort == column.Key;
        var nextDescending = sorted ? !query.Descending : column.Numeric;
        var href = view.Href("/unlinked", query.Filters(("sort", column.Key), ("dir", nextDescending ? "desc" : "asc")));
        var aria = sorted ? $" aria-sort=\"{(query.Descending ? "descending" : "ascending")}\"" : "";
        var arrow = sorted ? (query.Descending ? " ↓" : " ↑") : "";
        return $"<th{(column.Numeric ? " class=\"num\"" : "")}{aria}><a href=\"{Encode(href)}\">{column.Label}{arrow}</a></th>";
    }

    private static void AppendPager(StringBuilder html, DashboardView view, UnlinkedQuery query, int page, int pages)
    {
        html.Append(Inv, $"<nav class=\"pager\" aria-label=\"Pages\"><span id=\"page-of\">Page {page} of {pages}</span>");
        if (page > 1)
        {
            html.Append(Inv, $"<a rel=\"prev\" href=\"{Encode(view.Href("/unlinked", query.WithSort(("page", (page - 1).ToString(Inv)))))}\">Previous</a>");
        }

        if (page < pages)
        {
            html.Append(Inv, $"<a rel=\"next\" href=\"{Encode(view.Href("/unlinked", query.WithSort(("page", (page + 1).ToString(Inv)))))}\">Next</a>");
        }

        html.Append("</nav>\n");
    }
}
