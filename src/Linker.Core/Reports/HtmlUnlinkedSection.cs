using System.Runtime.CompilerServices;
using System.Text;
using static OkrLinker.Core.Reports.HtmlText;

namespace OkrLinker.Core.Reports;

/// <summary>The week's unlinked items, every one of them; a key links to its tracker only over http(s).</summary>
internal static class HtmlUnlinkedSection
{
    public static void Append(StringBuilder html, IReadOnlyList<UnlinkedItem> items, HtmlSpill? spill = null)
    {
        html.Append(Inv, $"<section class=\"long\" aria-labelledby=\"unlinked-title\">\n<h2 id=\"unlinked-title\">Work that serves no OKR ({items.Count})</h2>\n");
        if (items.Count == 0)
        {
            html.Append("<p class=\"muted\">Every in-scope item of the week is linked to a key result or marked BAU.</p>\n</section>\n");
            return;
        }

        html.Append("<div class=\"table-wrap\"><table>\n<thead><tr><th>Item</th><th>Title</th><th>Team</th><th>Type</th><th>State</th><th class=\"num\">Points</th></tr></thead>\n<tbody>\n");
        Rows(html, items, spill);
        html.Append("</tbody>\n</table></div>\n</section>\n");
    }

    // Fully optimized from its first call rather than tiered: it runs once per report (220,000 rows at a million items)
    // in a process that lives a few seconds, where first-tier code would write most of the rows.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Rows(StringBuilder html, IReadOnlyList<UnlinkedItem> items, HtmlSpill? spill)
    {
        for (var k = 0; k < items.Count; k++)
        {
            var item = items[k];
            html.Append("<tr><td class=\"key\">");
            if (SafeUrl(item.Url) is { } url)
            {
                html.Append(Inv, $"<a href=\"{Encode(url)}\" rel=\"noopener noreferrer\">{Encode(item.Key)}</a>");
            }
            else
            {
                html.Append(Encode(item.Key));
            }

            html.Append(Inv, $"</td><td>{Encode(item.Title)}</td><td>{Encode(item.Team)}</td><td>{Encode(item.Type)}</td><td>{Encode(item.State)}</td>");
            html.Append("<td class=\"num\">");
            if (item.Points is { } points)
            {
                // As Num, formatted into the page rather than into a string of its own.
                html.Append(Inv, $"{points:0.##}");
            }

            html.Append("</td></tr>\n");
            spill?.WhenFull();
        }
    }
}
