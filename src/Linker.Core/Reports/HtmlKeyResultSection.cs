using System.Text;
using static OkrLinker.Core.Reports.HtmlText;

namespace OkrLinker.Core.Reports;

/// <summary>One table per objective: each KR's numbers, the work linked to it, and its flags as badges.</summary>
internal static class HtmlKeyResultSection
{
    public static void Append(StringBuilder html, IReadOnlyList<ObjectiveReport> objectives)
    {
        html.Append("<section class=\"long\" aria-labelledby=\"krs-title\">\n<h2 id=\"krs-title\">Key results</h2>\n");
        if (objectives.Count == 0)
        {
            html.Append("<p class=\"muted\">The OKR set has no objectives.</p>\n");
        }

        foreach (var objective in objectives)
        {
            html.Append(Inv, $"<h3><span class=\"key\">{Encode(objective.Id)}</span> {Encode(objective.Title)}</h3>\n");
            html.Append("<div class=\"table-wrap\"><table class=\"krs\">\n<thead><tr><th>Key result</th><th class=\"num\">Baseline</th><th class=\"num\">Current</th><th class=\"num\">Target</th>");
            html.Append("<th class=\"num\">Progress</th><th class=\"num\">Expected</th><th>Status</th><th>Trend</th><th class=\"num\">Items</th><th class=\"num\">To do</th><th class=\"num\">Doing</th><th class=\"num\">Done</th><th class=\"num\">Points</th><th>Flags</th></tr></thead>\n<tbody>\n");
            foreach (var kr in objective.KeyResults)
            {
                AppendRow(html, kr);
            }

            html.Append("</tbody>\n</table></div>\n");
        }

        html.Append("</section>\n");
    }

    private static void AppendRow(StringBuilder html, KeyResultReport kr)
    {
        html.Append(Inv, $"<tr><td class=\"kr\"><span class=\"key\">{Encode(kr.Id)}</span> <span class=\"kr-title\">{Encode(kr.Title)}</span>");
        if (kr.Teams.Count > 0)
        {
            html.Append(Inv, $"<span class=\"kr-teams\">{Encode(string.Join(", ", kr.Teams))}</span>");
        }

        html.Append(Inv, $"<span class=\"kr-source\">{Encode(BaselineFrom(kr))}</span>");
        if (kr.StaleReason is { } reason)
        {
            html.Append(Inv, $"<span class=\"kr-stale\">Stale: {Encode(reason)}</span>");
        }

        html.Append(Inv, $"</td><td class=\"num\">{Encode(Value(kr.Baseline, kr.Unit))}</td><td class=\"num\">{Encode(Value(kr.Current, kr.Unit))}</td><td class=\"num\">{Encode(Value(kr.Target, kr.Unit))}</td>");
        html.Append("<td class=\"num\">");
        if (kr.Progress is { } progress)
        {
            var width = Math.Clamp(progress, 0, 1) * 100;
            html.Append(Inv, $"{Pct(progress)}<span class=\"progress\" aria-hidden=\"true\"><span style=\"width:{width.ToString("0.#", Inv)}%\"></span></span>");
        }
        else
        {
            html.Append('–');
        }

        html.Append(Inv, $"</td><td class=\"num\">{Pct(kr.Expected)}</td><td>");
        html.Append(kr.Status is { } status ? $"<span class=\"status {Encode(status)}\">{Encode(status)}</span>" : "–");
        html.Append("</td><td>");
        HtmlSparkline.Append(html, kr);
        html.Append(Inv, $"</td><td class=\"num\">{kr.Items.Total}</td><td class=\"num\">{kr.Items.Todo}</td><td class=\"num\">{kr.Items.InProgress}</td><td class=\"num\">{kr.Items.Done}</td>");
        html.Append(Inv, $"<td class=\"num\">{Num(kr.Points)}</td><td>");
        foreach (var flag in kr.Flags)
        {
            html.Append(Inv, $"<span class=\"badge\">{Encode(flag)}</span>");
        }

        html.Append("</td></tr>\n");
    }

    private static string BaselineFrom(KeyResultReport kr) =>
        kr.BaselineSource is { } source
            ? string.Create(Inv, $"Baseline from {source.Provider} ({source.Query}), the sample of {source.At:yyyy-MM-dd HH:mm} UTC")
            : kr.Baseline is not null ? "Baseline from okrs.yaml" : "No baseline yet";
}
