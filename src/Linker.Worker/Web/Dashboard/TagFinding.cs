using System.Text.RegularExpressions;
using OkrLinker.Core.Linking;
using OkrLinker.Core.Reports;

namespace OkrLinker.Worker.Web.Dashboard;

/// <summary>
/// An <c>unknown-kr-tag</c> or <c>stale-kr-tag</c> finding read for a PM: the item, the id it names and the KR id the
/// linker suggests. The report keeps these inside the finding's message (its JSON has no field for them), so they are
/// read back from the linker's own wording.
/// </summary>
internal sealed partial record TagFinding(Finding Finding, string? Named, string? Suggested)
{
    public static bool IsTagFinding(Finding finding) =>
        finding.Rule is LinkFindingRules.UnknownKrTag or LinkFindingRules.StaleKrTag;

    public static TagFinding Read(Finding finding)
    {
        var named = NamedPattern().Match(finding.Message);
        var suggested = SuggestedPattern().Match(finding.Message);
        return new TagFinding(
            finding,
            named.Success ? named.Groups["id"].Value : null,
            suggested.Success ? suggested.Groups["id"].Value : null);
    }

    [GeneratedRegex(@"names '(?<id>[^']*)'")]
    private static partial Regex NamedPattern();

    [GeneratedRegex(@"did you mean (?<id>[^\s?]+)\?$")]
    private static partial Regex SuggestedPattern();
}
