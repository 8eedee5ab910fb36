using System.Text;
using OkrLinker.Core.Reports;
using static OkrLinker.Core.Reports.HtmlText;

namespace OkrLinker.Worker.Web.Dashboard;

/// <summary>Pieces several pages show the same way: an item's link to its tracker, a KR's metric line, how an item is linked.</summary>
internal static class DashboardHtml
{
    /// <summary>The item's key, linked to its tracker over http(s) only; any other address is shown as text.</summary>
    public static string ItemKey(string key, string? url) =>
        SafeUrl(url) is { } safe
            ? $"<a class=\"key\" href=\"{Encode(safe)}\" rel=\"noopener noreferrer\">{Encode(key)}</a>"
            : $"<span class=\"key\">{Encode(key)}</span>";

    public static string Status(string? status) =>
        status is { } s ? $"<span class=\"status {Encode(s)}\">{Encode(s)}</span>" : "<span class=\"muted\">no status</span>";

    /// <summary>"35% → 41% → 50%" with the sparkline and the status: the KR beside its place in the tree.</summary>
    public static void AppendMetric(StringBuilder html, KeyResultReport kr, bool withFlags = false)
    {
        html.Append(Inv, $"<span class=\"metric-inline\"><span>{Encode(Value(kr.Baseline, kr.Unit))} → {Encode(Value(kr.Current, kr.Unit))} → {Encode(Value(kr.Target, kr.Unit))}</span>");
        HtmlSparkline.Append(html, kr);
        html.Append(Status(kr.Status));
        if (withFlags)
        {
            AppendFlags(html, kr.Flags);
        }

        html.Append("</span>");
    }

    public static void AppendFlags(StringBuilder html, IReadOnlyList<string> flags)
    {
        foreach (var flag in flags)
        {
            html.Append(Inv, $"<span class=\"badge{(flag == "no-work" ? " flag-no-work" : "")}\">{Encode(flag)}</span>");
        }
    }

    /// <summary>How the linker linked the item (DESIGN.md §7), in words, the item or rule it came through named.</summary>
    public static string How(LinkedWork work) => work.Reason switch
    {
        "Explicit" => work.Via is { } via ? $"explicit: {via}" : "explicit",
        "Inherited" => $"inherited from {work.Via}",
        "Reference" => $"cross-reference to {work.Via}",
        "Rule" => work.Via is { } rule ? $"rule: {rule}" : "rule",
        _ => work.Reason.ToLowerInvariant(),
    };

    public static string Points(double? points) => points is { } p ? Num(p) : "";
}
