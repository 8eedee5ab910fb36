using System.Text.RegularExpressions;
using OkrLinker.Core.Configuration;
using OkrLinker.Core.Items;

namespace OkrLinker.Core.Linking;

/// <summary>
/// The compiled <c>Linking.ReferencePatterns</c>, and the keys an item names in its title, body and
/// head branch. A <c>key</c> group is a key as it is; a <c>number</c> group (with an optional
/// <c>repo</c> group) is <c>repo#number</c>, the repo being the item's own when there is no group.
/// </summary>
internal sealed class ReferencePatterns
{
    private const string KeyGroup = "key";
    private const string NumberGroup = "number";
    private const string RepoGroup = "repo";

    // Bodies come from trackers and patterns from config: a pathological pair must not stall linking.
    private static readonly TimeSpan MatchTimeout = TimeSpan.FromMilliseconds(250);

    private readonly IReadOnlyList<Regex> _patterns;
    private readonly HashSet<string> _off;

    private ReferencePatterns(IReadOnlyList<Regex> patterns, HashSet<string> off)
    {
        _patterns = patterns;
        _off = off;
    }

    /// <exception cref="LinkingConfigException">A pattern does not parse or has neither a <c>key</c> nor a <c>number</c> group.</exception>
    public static ReferencePatterns Compile(LinkingOptions options)
    {
        var compiled = new List<Regex>();
        var patterns = options.ReferencePatterns ?? [];
        for (var i = 0; i < patterns.Count; i++)
        {
            compiled.Add(CompileOne(patterns[i], $"Linking:ReferencePatterns:{i}"));
        }

        var off = new HashSet<string>(
            (options.ReferencesOff ?? []).Where(s => !string.IsNullOrWhiteSpace(s)).Select(s => s.Trim()),
            StringComparer.OrdinalIgnoreCase);
        return new ReferencePatterns(compiled, off);
    }

    /// <summary>False for the items of a source named in <c>Linking.ReferencesOff</c>.</summary>
    public bool Follows(WorkItem item) => !_off.Contains(item.Source);

    /// <summary>Every key the item names, in title, body, branch order, each key once (first place wins).</summary>
    public IReadOnlyList<ItemReference> In(WorkItem item)
    {
        // Most items name no other item: they cost a non-allocating match per text and pattern, and share one empty list.
        if (!Follows(item) || _patterns.Count == 0 || !(MayName(item.Title) || MayName(item.Body) || MayName(item.Branch)))
        {
            return [];
        }

        var found = new List<ItemReference>();

        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var ownRepo = RepoOf(item.Key);
        foreach (var (where, text) in new[] { ("title", item.Title), ("body", item.Body), ("branch", item.Branch) })
        {
            if (string.IsNullOrEmpty(text))
            {
                continue;
            }

            foreach (var pattern in _patterns)
            {
                foreach (var (key, matched) in Matches(pattern, text, ownRepo))
                {
                    if (seen.Add(key))
                    {
                        found.Add(new ItemReference(key, where, matched));
                    }
                }
            }
        }

        return found;
    }

    private bool MayName(string? text) => !string.IsNullOrEmpty(text) && PatternProbe.AnyMatch(_patterns, text);

    private static List<(string Key, string Text)> Matches(Regex pattern, string text, string? ownRepo)
    {
        var found = new List<(string, string)>();
        try
        {
            for (var match = pattern.Match(text); match.Success; match = match.NextMatch())
            {
                if (KeyOf(match, ownRepo) is { } key)
                {
                    found.Add((key, match.Value.Trim()));
                }
            }
        }
        catch (RegexMatchTimeoutException)
        {
            // A runaway match names nothing; the item falls through to the next linking step.
            return [];
        }

        return found;
    }

    private static string? KeyOf(Match match, string? ownRepo)
    {
        if (match.Groups[KeyGroup] is { Success: true } key)
        {
            return string.IsNullOrWhiteSpace(key.Value) ? null : key.Value.Trim();
        }

        if (match.Groups[NumberGroup] is not { Success: true } number || string.IsNullOrWhiteSpace(number.Value))
        {
            return null;
        }

        var repo = match.Groups[RepoGroup] is { Success: true } named ? named.Value.Trim() : ownRepo;
        return string.IsNullOrEmpty(repo) ? null : $"{repo}#{number.Value.Trim()}";
    }

    // GitHub keys are owner/repo#n; an item whose key has no '#' has no repo for a bare #n.
    private static string? RepoOf(string key)
    {
        var hash = key.LastIndexOf('#');
        return hash > 0 ? key[..hash] : null;
    }

    private static Regex CompileOne(string? pattern, string key)
    {
        if (string.IsNullOrWhiteSpace(pattern))
        {
            throw new LinkingConfigException(key, "the pattern is empty");
        }

        Regex regex;
        try
        {
            regex = new Regex(pattern, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Compiled, MatchTimeout);
        }
        catch (ArgumentException e)
        {
            throw new LinkingConfigException(key, $"invalid regular expression '{pattern}': {e.Message}", e);
        }

        var groups = regex.GetGroupNames();
        if (!groups.Contains(KeyGroup, StringComparer.Ordinal) && !groups.Contains(NumberGroup, StringComparer.Ordinal))
        {
            throw new LinkingConfigException(
                key, $"the pattern '{pattern}' has neither a (?<key>...) group naming an item's key nor a (?<number>...) group naming a GitHub issue number");
        }

        return regex;
    }
}
