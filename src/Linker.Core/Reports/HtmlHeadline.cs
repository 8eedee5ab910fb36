using System.Text;
using static OkrLinker.Core.Reports.HtmlText;

namespace OkrLinker.Core.Reports;

/// <summary>The week's headline: the unlinked share by count and by points, and the items per bucket (the report and the dashboard both show it).</summary>
public static class HtmlHeadline
{
    public static void Append(StringBuilder html, Totals t)
    {
        ArgumentNullException.ThrowIfNull(html);
        ArgumentNullException.ThrowIfNull(t);
        html.Append("<section class=\"headline\" aria-labelledby=\"headline-title\">\n<h2 id=\"headline-title\" class=\"visually-hidden\">This week</h2>\n");
        html.Append(Inv, $"<div class=\"hero\"><p class=\"hero-figure\">{Pct(t.UnlinkedShare)}</p><p class=\"hero-text\">of this week's work serves no OKR: <strong>{t.Unlinked} of {t.Items}</strong> items.</p></div>\n");
        html.Append(t.Points.Total > 0
            ? string.Create(Inv, $"<div class=\"hero\"><p class=\"hero-figure\">{Pct(t.Points.UnlinkedShare)}</p><p class=\"hero-text\">of the week's story points: <strong>{Num(t.Points.Unlinked)} of {Num(t.Points.Total)}</strong> points.</p></div>\n")
            : "<div class=\"hero\"><p class=\"hero-figure\">–</p><p class=\"hero-text\">No story points were recorded on this week's items.</p></div>\n");
        html.Append("<dl class=\"stats\">");
        html.Append(Inv, $"<div><dt>In scope</dt><dd>{t.Items}</dd></div>");
        html.Append(Inv, $"<div class=\"is-linked\"><dt>Linked to a KR</dt><dd>{t.Linked}</dd></div>");
        html.Append(Inv, $"<div><dt>BAU</dt><dd>{t.Bau}</dd></div>");
        html.Append(Inv, $"<div class=\"is-unlinked\"><dt>Unlinked</dt><dd>{t.Unlinked}</dd></div>");
        html.Append("</dl>\n</section>\n");
    }
}
