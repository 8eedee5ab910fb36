using System.Text.RegularExpressions;

namespace OkrLinker.Worker.Tests.EndToEnd;

/// <summary>
/// DESIGN §7 applied to the samples with the Linking section of config/linker.json written out by hand:
/// explicit (tag, title token, KR field) → nearest ancestor's explicit KRs → the KRs of the items named in
/// the title or body (Jira keys, AB#id, owner/repo#n, #n; followed on through items that have none
/// themselves, each item once) → the Jira Checkout rule. An item missing from the files (deleted) is no
/// ancestor and no named item, so it passes nothing on.
/// </summary>
internal sealed class IndependentLinker
{
    // The KR ids of config/okrs.yaml (period 2026-Q4); ids match case-insensitively and report as written there.
    private static readonly string[] KnownKrs = ["O1-KR1", "O1-KR2", "O2-KR1", "O2-KR2", "O3-KR1", "O3-KR2", "O3-KR3"];
    private static readonly Regex TagPattern = new("^kr[:=](?<kr>[A-Za-z0-9._-]+)$", RegexOptions.IgnoreCase);
    private static readonly Regex TitlePattern = new(@"\[(?<kr>[A-Za-z0-9._-]+-KR\d+)\]", RegexOptions.IgnoreCase);

    // Jira keys; Azure Boards' AB#<id>; GitHub owner/repo#n and, inside a repo, a bare #n.
    private static readonly Regex JiraKey = new(@"\b[A-Z][A-Z0-9_]+-[0-9]+\b", RegexOptions.IgnoreCase);
    private static readonly Regex BoardsId = new(@"\bAB#([0-9]+)\b", RegexOptions.IgnoreCase);
    private static readonly Regex RepoIssue = new(@"(?<![\w./-])[\w.-]+/[\w.-]+#[0-9]+\b");
    private static readonly Regex LocalIssue = new(@"(?<![\w/&#])#([0-9]+)\b");

    private readonly Dictionary<(string Source, string Id), SampleItem> byId;
    private readonly Dictionary<string, SampleItem> byKey;

    public IndependentLinker(IReadOnlyList<SampleItem> items)
    {
        byId = items.ToDictionary(i => (i.Source, i.Id));
        byKey = items.GroupBy(i => i.Key, StringComparer.OrdinalIgnoreCase).ToDictionary(g => g.Key, g => g.First(), StringComparer.OrdinalIgnoreCase);
    }

    public IReadOnlyList<string> KrsOf(SampleItem item)
    {
        var passed = Passed(item, [item]);
        if (passed.Count > 0)
        {
            return passed;
        }

        var checkout = item.Source == "jira" && item.Components.Contains("Checkout", StringComparer.OrdinalIgnoreCase);
        return checkout ? ["O2-KR1"] : [];
    }

    // What an item passes to one that names it: its own, else inherited, else referenced KRs; never a rule's.
    private List<string> Passed(SampleItem item, HashSet<SampleItem> walked)
    {
        var own = Explicit(item);
        if (own.Count > 0)
        {
            return own;
        }

        var inherited = Inherited(item);
        if (inherited.Count > 0)
        {
            return inherited;
        }

        var found = new List<string>();
        foreach (var named in Named(item).Where(walked.Add))
        {
            found.AddRange(Passed(named, walked));
        }

        return [.. found.Distinct()];
    }

    // The nearest ancestor with explicit KRs, within the item's own source; a visited set guards cycles.
    private List<string> Inherited(SampleItem item)
    {
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

        return [];
    }

    // The synced items the title and body name; a key no item has names nothing.
    private IEnumerable<SampleItem> Named(SampleItem item)
    {
        var repo = item.Key.Contains('#', StringComparison.Ordinal) ? item.Key[..item.Key.IndexOf('#', StringComparison.Ordinal)] : null;
        foreach (var text in new[] { item.Title, item.Body ?? "" })
        {
            var keys = JiraKey.Matches(text).Select(m => m.Value)
                .Concat(BoardsId.Matches(text).Select(m => m.Groups[1].Value))
                .Concat(RepoIssue.Matches(text).Select(m => m.Value))
                .Concat(repo is null ? [] : LocalIssue.Matches(text).Select(m => $"{repo}#{m.Groups[1].Value}"));
            foreach (var key in keys)
            {
                if (byKey.TryGetValue(key, out var named) && !ReferenceEquals(named, item))
                {
                    yield return named;
                }
            }
        }
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
