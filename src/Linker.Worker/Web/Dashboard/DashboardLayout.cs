using System.Text;
using OkrLinker.Core.Reports;
using static OkrLinker.Core.Reports.HtmlText;

namespace OkrLinker.Worker.Web.Dashboard;

/// <summary>The head every dashboard page shares: the report's styles plus the dashboard's, inline; nothing fetched.</summary>
internal static class DashboardLayout
{
    public static void AppendHead(StringBuilder html, string title)
    {
        html.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
        html.Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
        html.Append(Inv, $"<title>{Encode(title)} · OkrLinker</title>\n");
        html.Append("<style>\n").Append(HtmlStyles.Css).Append('\n').Append(DashboardStyles.Css).Append("\n</style>\n</head>\n");
    }

    /// <summary>A page with no report behind it (no report yet, an unknown week, a bad address).</summary>
    public static string Message(string title, string text)
    {
        var html = new StringBuilder(16 * 1024);
        AppendHead(html, title);
        html.Append(Inv, $"<body>\n<main id=\"content\">\n<header class=\"page\"><p class=\"eyebrow\">OkrLinker</p><h1>{Encode(title)}</h1></header>\n");
        html.Append(Inv, $"<section><p>{Encode(text)}</p><p><a href=\"/\">Back to the newest week</a></p></section>\n</main>\n</body>\n</html>\n");
        return html.ToString();
    }
}
