using System.Text.RegularExpressions;
using OkrLinker.Core.Configuration;

namespace OkrLinker.Core.Linking;

/// <summary>
/// The compiled <c>TagPatterns</c> and <c>TitlePatterns</c>, and the KR mentions they find on an item.
/// A tag pattern must match a whole label (or a whole KR field token); a title pattern matches anywhere,
/// as often as it occurs.
/// </summary>
internal sealed class KrPatterns
{
    private const string KrGroup = "kr";

    // Titles come from trackers and patterns from config: a pathological pair must not stall a sync.
    private static readonly TimeSpan MatchTimeout = TimeSpan.FromMilliseconds(250);

    private static readonly char[] FieldSeparators = [',', ';', ' ', '\t', '\r', '\n'];

    private readonly IReadOnlyList<Regex> _tags;
    private readonly IReadOnlyList<Regex> _titles;

    private KrPatterns(IReadOnlyList<Regex> tags, IReadOnlyList<Regex> titles)
    {
        _tags = tags;
        _titles = titles;
    }

    /// <exception cref="LinkingConfigException">A pattern does not parse or has no <c>kr</c> group.</exception>
    public static KrPatterns Compile(LinkingOptions options) =>
        new(
            CompileAll(options.TagPatterns, "Linking:TagPatterns", wholeText: true),
            CompileAll(options.TitlePatterns, "Linking:TitlePatterns", wholeText: false));

    public IEnumerable<KrMention> InLabel(string label)
    {
        var trimmed = label.Trim();
        foreach (var (id, _) in Captures(_tags, trimmed))
        {
            yield return new KrMention(id, $"label '{trimmed}'", $"label {trimmed}");
        }
    }

    /// <summary>False when no title pattern matches <paramref name="title"/> at all (then <see cref="InTitle"/> names nothing); without allocating.</summary>
    public bool MayNameInTitle(string title) => PatternProbe.AnyMatch(_titles, title);

    public IEnumerable<KrMention> InTitle(string title)
    {
        foreach (var (id, token) in Captures(_titles, title))
        {
            yield return new KrMention(id, "the title", $"title token {token}");
        }
    }

    /// <summary>The title with every token a title pattern matches taken out (a runaway match leaves it as it is).</summary>
    public string WithoutTitleMentions(string title)
    {
        var result = title;
        foreach (var pattern in _titles)
        {
            try
            {
                result = pattern.Replace(result, " ");
            }
            catch (RegexMatchTimeoutException)
            {
                return title;
            }
        }

        return result.Trim();
    }

    /// <summary>
    /// A KR field value may hold several ids (<c>"O1-KR1, O2-KR3"</c>); each token is either a bare id
    /// or something a tag pattern accepts (<c>kr:O1-KR1</c>).
    /// </summary>
    /// <param name="fieldName">The configured KR field's name, for <see cref="KrMention.Matched"/>.</param>
    public IEnumerable<KrMention> InFieldValue(string value, string fieldName)
    {
        foreach (var token in value.Split(FieldSeparators, StringSplitOptions.RemoveEmptyEntries))
        {
            var tagged = Captures(_tags, token).Select(c => c.Id).ToList();
            foreach (var id in tagged.Count > 0 ? tagged : [token])
            {
                yield return new KrMention(id, $"KR field value '{value.Trim()}'", $"field \"{fieldName}\" = {token}");
            }
        }
    }

    private static IEnumerable<(string Id, string Match)> Captures(IReadOnlyList<Regex> patterns, string text)
    {
        foreach (var pattern in patterns)
        {
            foreach (var capture in Captures(pattern, text))
            {
                yield return capture;
            }
        }
    }

    private static List<(string Id, string Match)> Captures(Regex pattern, string text)
    {
        var found = new List<(string, string)>();
        try
        {
            for (var match = pattern.Match(text); match.Success; match = match.NextMatch())
            {
                var group = match.Groups[KrGroup];
                if (group.Success && !string.IsNullOrWhiteSpace(group.Value))
                {
                    found.Add((group.Value.Trim(), match.Value.Trim()));
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

    private static List<Regex> CompileAll(IReadOnlyList<string>? patterns, string key, bool wholeText)
    {
        var compiled = new List<Regex>();
        for (var i = 0; i < (patterns?.Count ?? 0); i++)
        {
            compiled.Add(CompileOne(patterns![i], $"{key}:{i}", wholeText));
        }

        return compiled;
    }

    private static Regex CompileOne(string? pattern, string key, bool wholeText)
    {
        if (string.IsNullOrWhiteSpace(pattern))
        {
            throw new LinkingConfigException(key, "the pattern is empty");
        }

        const RegexOptions Options = RegexOptions.IgnoreCase | RegexOptions.CultureInvariant;
        Regex regex;
        try
        {
            // Parsed once as written so a syntax error reports the user's own pattern.
            regex = new Regex(pattern, Options, MatchTimeout);
        }
        catch (ArgumentException e)
        {
            throw new LinkingConfigException(key, $"invalid regular expression '{pattern}': {e.Message}", e);
        }

        if (!regex.GetGroupNames().Contains(KrGroup, StringComparer.Ordinal))
        {
            throw new LinkingConfigException(key, $"the pattern '{pattern}' has no (?<kr>...) group naming the KR id");
        }

        return wholeText ? new Regex($@"\A(?:{pattern})\z", Options | RegexOptions.Compiled, MatchTimeout)
                         : new Regex(pattern, Options | RegexOptions.Compiled, MatchTimeout);
    }
}
