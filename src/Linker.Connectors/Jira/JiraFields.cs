using OkrLinker.Core.Configuration;

namespace OkrLinker.Connectors.Jira;

/// <summary>
/// The fields one site's search must ask for (an explicit list: Cloud's <c>search/jql</c> returns only ids
/// otherwise), with the custom ones found by name in the site's <c>/field</c> catalog (DESIGN.md §6 trap 4).
/// </summary>
internal sealed record JiraFields(JiraFieldCatalog Catalog, IReadOnlyList<string> KeyResultIds, IReadOnlyList<string> StoryPointIds, IReadOnlyList<string> EpicLinkIds)
{
    public const string DefaultStoryPoints = "Story point estimate";
    public const string ClassicStoryPoints = "Story Points";
    public const string EpicLink = "Epic Link";

    private static readonly string[] Standard =
        ["summary", "status", "issuetype", "project", "labels", "components", "parent", "created", "updated", "resolutiondate", "description"];

    /// <summary>The story-point names tried in order: the configured one, else Cloud's then Data Center's default.</summary>
    public static IReadOnlyList<string> StoryPointNames(SourceOptions source) =>
        string.IsNullOrWhiteSpace(source.Fields.StoryPoints) ? [DefaultStoryPoints, ClassicStoryPoints] : [source.Fields.StoryPoints];

    public static string KeyResultName(SourceOptions source) =>
        string.IsNullOrWhiteSpace(source.Fields.KeyResult) ? "Key Result" : source.Fields.KeyResult;

    public static JiraFields Discover(JiraFieldCatalog catalog, SourceOptions source) => new(
        catalog,
        catalog.IdsOf(KeyResultName(source)),
        StoryPointNames(source).SelectMany(catalog.IdsOf).Distinct(StringComparer.Ordinal).ToList(),
        catalog.IdsOf(EpicLink));

    /// <summary>Every field the parser reads.</summary>
    public IReadOnlyList<string> ForSearch() =>
        [.. Standard, .. KeyResultIds, .. StoryPointIds, .. EpicLinkIds];
}
