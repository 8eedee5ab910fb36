using System.Text;
using static OkrLinker.Core.Reports.HtmlText;

namespace OkrLinker.Core.Reports;

/// <summary>Lint and linking findings; the severity is a badge whose colour comes from a fixed set.</summary>
internal static class HtmlFindingSection
{
    private static readonly string[] Severities = ["error", "warning", "info"];

    public static void Append(StringBuilder html, IReadOnlyList<Finding> findings, HtmlSpill? spill = null)
    {
        html.Append(Inv, $"<section class=\"long\" aria-labelledby=\"findings-title\">\n<h2 id=\"findings-title\">Findings ({findings.Count})</h2>\n");
        if (findings.Count == 0)
        {
            html.Append("<p class=\"muted\">No findings: the OKRs and the links look sound.</p>\n</section>\n");
            return;
        }

        html.Append("<div class=\"table-wrap\"><table>\n<thead><tr><th>Severity</th><th>Rule</th><th>About</th><th>Message</th></tr></thead>\n<tbody>\n");
        foreach (var finding in findings)
        {
            // The class is one of ours, never the report's text: a severity outside the set gets the grey "other".
            var kind = Severities.FirstOrDefault(s => string.Equals(s, finding.Severity, StringComparison.OrdinalIgnoreCase)) ?? "other";
            html.Append(Inv, $"<tr><td><span class=\"badge {kind}\">{Encode(finding.Severity)}</span></td><td><code>{Encode(finding.Rule)}</code></td>");
            html.Append(Inv, $"<td class=\"key\">{Encode(finding.Subject)}</td><td>{Encode(finding.Message)}</td></tr>\n");
            spill?.WhenFull();
        }

        html.Append("</tbody>\n</table></div>\n</section>\n");
    }
}
