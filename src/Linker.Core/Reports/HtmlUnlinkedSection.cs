using System.Buffers;
using System.Runtime.CompilerServices;
using System.Text;
using static OkrLinker.Core.Reports.HtmlText;

namespace OkrLinker.Core.Reports;

/// <summary>The week's unlinked items, every one of them; a key links to its tracker only over http(s).</summary>
internal static class HtmlUnlinkedSection
{
    // Text made only of these is left as it is by HtmlText's encoder (HtmlReportRendererTests hold every ASCII
    // character to it): letters, digits, space and the punctuation below.
    private static readonly SearchValues<char> Plain =
        SearchValues.Create("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 !#$%()*,-./:;=?@[]^_{|}~");

    public static void Append(StringBuilder html, IReadOnlyList<UnlinkedItem> items, HtmlSpill spill)
    {
        html.Append(Inv, $"<section class=\"long\" aria-labelledby=\"unlinked-title\">\n<h2 id=\"unlinked-title\">Work that serves no OKR ({items.Count})</h2>\n");
        if (items.Count == 0)
        {
            html.Append("<p class=\"muted\">Every in-scope item of the week is linked to a key result or marked BAU.</p>\n</section>\n");
            return;
        }

        html.Append("<div class=\"table-wrap\"><table>\n<thead><tr><th>Item</th><th>Title</th><th>Team</th><th>Type</th><th>State</th><th class=\"num\">Points</th></tr></thead>\n<tbody>\n");
        // The rows go to the file as UTF-8 bytes (Utf8Rows), after the page so far.
        var rows = new Utf8Rows(spill.Drained());
        Rows(rows, items);
        rows.Flush();
        html.Append("</tbody>\n</table></div>\n</section>\n");
    }

    // Fully optimized from its first call rather than tiered: it runs once per report (220,000 rows at a million items)
    // in a process that lives a few seconds, where first-tier code would write most of the rows.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Rows(Utf8Rows rows, IReadOnlyList<UnlinkedItem> items)
    {
        for (var k = 0; k < items.Count; k++)
        {
            var item = items[k];
            rows.Append("<tr><td class=\"key\">"u8);
            if (SafeUrl(item.Url) is { } url)
            {
                rows.Append("<a href=\""u8);
                Text(rows, url);
                rows.Append("\" rel=\"noopener noreferrer\">"u8);
                Text(rows, item.Key);
                rows.Append("</a>"u8);
            }
            else
            {
                Text(rows, item.Key);
            }

            rows.Append("</td><td>"u8);
            Text(rows, item.Title);
            rows.Append("</td><td>"u8);
            Text(rows, item.Team);
            rows.Append("</td><td>"u8);
            Text(rows, item.Type);
            rows.Append("</td><td>"u8);
            Text(rows, item.State);
            rows.Append("</td><td class=\"num\">"u8);
            if (item.Points is { } points)
            {
                // As Num, formatted into the bytes.
                rows.Append(points, "0.##");
            }

            rows.Append("</td></tr>\n"u8);
            rows.WhenFull();
        }
    }

    // Encode(text): the text as it is when the encoder would leave it so (nearly every cell), else encoded.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Text(Utf8Rows rows, string? text)
    {
        var span = text.AsSpan();
        if (span.ContainsAnyExcept(Plain))
        {
            rows.Append(Encode(text));
        }
        else
        {
            rows.Append(span);
        }
    }
}
