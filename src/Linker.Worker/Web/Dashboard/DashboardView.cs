using System.Text;
using Microsoft.AspNetCore.WebUtilities;
using OkrLinker.Core.Reports;
using static OkrLinker.Core.Reports.HtmlText;

namespace OkrLinker.Worker.Web.Dashboard;

/// <summary>
/// What every page is drawn from: the report of the week asked for (<c>?week=</c>, else the newest), the weeks that
/// have a report (for the picker), and whether a key guards the pages (for the sign-out button).
/// </summary>
/// <param name="RequestedWeek">The week in the address, canonical; null when none was asked for (links then keep none).</param>
internal sealed record DashboardView(WeeklyReport Report, string? RequestedWeek, IReadOnlyList<string> Weeks, bool SignedIn)
{
    /// <summary>An address on the dashboard that keeps the week asked for, with more query values (null values dropped).</summary>
    public string Href(string path, params (string Name, string? Value)[] query)
    {
        var values = new List<KeyValuePair<string, string?>>();
        if (RequestedWeek is not null)
        {
            values.Add(new("week", RequestedWeek));
        }

        values.AddRange(query.Where(q => !string.IsNullOrEmpty(q.Value)).Select(q => new KeyValuePair<string, string?>(q.Name, q.Value)));
        return QueryHelpers.AddQueryString(path, values);
    }

    public static string KrPath(string id) => "/kr/" + Uri.EscapeDataString(id);

    public static string TeamPath(string team) => "/teams/" + Uri.EscapeDataString(team);

    /// <summary>The item page: <c>/item/gh/acme%2Fweb%2312</c> (the key escaped whole, its slash and '#' included).</summary>
    public static string ItemPath(string source, string key) => "/item/" + Uri.EscapeDataString(source) + "/" + Uri.EscapeDataString(key);

    /// <summary>The whole page around <paramref name="body"/>: head, navigation with the week picker, footer.</summary>
    public string Page(string title, string current, string path, string body)
    {
        var html = new StringBuilder(body.Length + 12 * 1024);
        DashboardLayout.AppendHead(html, $"{title} — {Report.Week}");
        html.Append("<body>\n<a class=\"skip\" href=\"#content\">Skip to the content</a>\n<header class=\"bar\"><div class=\"bar-inner\">\n<nav aria-label=\"Dashboard\"><ul>");
        foreach (var (label, target) in new[] { ("Overview", "/"), ("Line of sight", "/tree"), ("Unlinked work", "/unlinked") })
        {
            var isCurrent = target == current ? " aria-current=\"page\"" : "";
            html.Append(Inv, $"<li><a href=\"{Encode(Href(target))}\"{isCurrent}>{label}</a></li>");
        }

        html.Append("</ul></nav>\n");
        AppendWeekPicker(html, path);
        html.Append("</div></header>\n<main id=\"content\">\n");
        html.Append(Inv, $"<header class=\"page\">\n<p class=\"eyebrow\">OKR line-of-sight · {Encode(Report.Period)} · week {Encode(Report.Week)}</p>\n<h1>{Encode(title)}</h1>\n</header>\n");
        html.Append(body);
        html.Append(Inv, $"<footer>Figures of the report of {Encode(Report.Week)}, generated {Time(Report.GeneratedAt)} · <a href=\"{Encode("/api/report/" + Report.Week)}\">report JSON</a></footer>\n");
        html.Append("</main>\n</body>\n</html>\n");
        return html.ToString();
    }

    private void AppendWeekPicker(StringBuilder html, string path)
    {
        html.Append(Inv, $"<form method=\"get\" action=\"{Encode(path)}\"><label for=\"week-picker\">Week</label><select id=\"week-picker\" name=\"week\">");
        foreach (var week in Weeks.Contains(Report.Week) ? Weeks : [Report.Week, .. Weeks])
        {
            var selected = week == Report.Week ? " selected" : "";
            html.Append(Inv, $"<option{selected}>{Encode(week)}</option>");
        }

        html.Append("</select><button type=\"submit\">Show</button></form>\n");
        if (SignedIn)
        {
            html.Append("<form method=\"post\" action=\"/logout\"><button type=\"submit\">Sign out</button></form>\n");
        }
    }
}
