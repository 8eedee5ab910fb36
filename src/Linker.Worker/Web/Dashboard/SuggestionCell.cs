using System.Text;
using OkrLinker.Core.Reports;
using static OkrLinker.Core.Reports.HtmlText;

namespace OkrLinker.Worker.Web.Dashboard;

/// <summary>
/// An unlinked item's suggested KRs as the report holds them, each with its score and evidence, and the link to the item
/// page (<c>/item/{source}/{key}</c>) where a PM approves one. Plain links and text: no script.
/// </summary>
internal static class SuggestionCell
{
    public static void Append(StringBuilder html, DashboardView view, UnlinkedItem item)
    {
        html.Append("<td class=\"suggestions\">");
        if (item.Suggestions is not { } suggestions)
        {
            html.Append("<span class=\"muted\">not computed</span>");
        }
        else if (suggestions.Count == 0)
        {
            html.Append("<span class=\"muted\">none: nothing near it serves a KR</span>");
        }
        else
        {
            html.Append("<ol class=\"suggestions\">");
            foreach (var suggestion in suggestions)
            {
                html.Append(Inv, $"<li><a class=\"key\" href=\"{Encode(view.Href(DashboardView.KrPath(suggestion.Kr)))}\">{Encode(suggestion.Kr)}</a> ");
                html.Append(Inv, $"<span class=\"score\" title=\"score from 0 to 1\">{suggestion.Score:0.00}</span><ul class=\"evidence small\">");
                foreach (var evidence in suggestion.Evidence)
                {
                    html.Append(Inv, $"<li>{Encode(evidence)}</li>");
                }

                html.Append("</ul></li>");
            }

            html.Append("</ol>");
        }

        // The visible word is the same on every row (so a search for the key finds only the tracker link); the name says which.
        html.Append(Inv, $"<a class=\"review\" href=\"{Encode(view.Href(DashboardView.ItemPath(item.Source, item.Key)))}\" aria-label=\"Review {Encode(item.Key)} and approve a KR\">Review</a></td>");
    }
}
