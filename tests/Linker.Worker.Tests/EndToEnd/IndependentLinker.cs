using System.Text.RegularExpressions;

namespace OkrLinker.Worker.Tests.EndToEnd;

/// <summary>
/// DESIGN §7 applied to the samples with the Linking section of config/linker.json written out by hand:
/// explicit (tag, title token, KR field) → nearest ancestor's explicit KRs → the Jira Checkout rule.
/// </summary>
internal sealed class IndependentLinker
{
    // The KR ids of config/okrs.yaml (period 2026-Q4); ids match case-insensitively and report as written there.
    private static readonly string[] KnownKrs = ["O1-KR1", "O1-KR2", "O2-KR1", "O2-KR2", "O3-KR1", "O3-KR2", "O3-KR3"];
    private static readonly Regex TagPattern = new("^kr[:=](?<kr>[A-Za-z0-9._-]+)$", RegexOptions.IgnoreCase);
    private static readonly Regex TitlePattern = new(@"\[(?<kr>[A-Za-z0-9._-]+-KR\d+)\]", RegexOptions.IgnoreCase);

    private readonly Dictionary<(string Source, string Id), SampleItem> byId;

    public IndependentLinker(IReadOnlyList<SampleItem> items) => byId = items.ToDictionary(i => (i.Source, i.Id));

    public IReadOnlyList<string> KrsOf(SampleItem item)
    {
        var own = Explicit(item);
        if (own.Count > 0)
        {
            return own;
        }

        // Inherit: the nearest ancestor with explicit KRs, within the item's own source; a visited set guards cycles.
        var seen = new HashSet<string> { item.Id };
        for (var parentId = item.ParentId; parentId is not null && seen.Add(parentId) && byId.TryGetValue((item.Source, parentId), out var parent);
             parentId = parent.ParentId)
        {
            var inherited = Explicit(parent);
            if (inherited.Count > 0)
            {
                return inherited;
            }
        }

        var checkout = item.Source == "jira" && item.Components.Contains("Checkout", StringComparer.OrdinalIgnoreCase);
        return checkout ? ["O2-KR1"] : [];
    }

    public static bool IsBau(SampleItem item) =>
        item.Type.Equals("Bug", StringComparison.OrdinalIgnoreCase) || item.Labels.Contains("support", StringComparer.OrdinalIgnoreCase);

    private static List<string> Explicit(SampleItem item)
    {
        var named = item.Labels.Select(l => TagPattern.Match(l)).Where(m => m.Success).Select(m => m.Groups["kr"].Value)
            .Concat(TitlePattern.Matches(item.Title).Select(m => m.Groups["kr"].Value))
            .Concat(item.KrField is { Length: > 0 } field ? [field] : []);
        // Names of no known KR (typos, ended periods) are findings, not links.
        return [.. named.Select(n => KnownKrs.FirstOrDefault(kr => kr.Equals(n, StringComparison.OrdinalIgnoreCase)))
            .OfType<string>().Distinct()];
    }
}
