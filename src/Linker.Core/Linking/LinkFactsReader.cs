using System.Security.Cryptography;
using System.Text;
using OkrLinker.Core.Configuration;
using OkrLinker.Core.Items;

namespace OkrLinker.Core.Linking;

/// <summary>
/// Works out an item's <see cref="LinkFacts"/> from the compiled linking configuration. <see cref="Stamp"/> names that
/// configuration (everything the facts depend on), so facts stored under another configuration are known stale.
/// </summary>
internal sealed class LinkFactsReader
{
    // Bumped when what the facts hold, or how they are worked out, changes: every stored stamp is then stale.
    private const string FactsVersion = "link-facts/1";

    // Items that name nothing share one instance per (rule, bau) pair: most of a million items.
    private readonly Dictionary<(int Rule, int Bau), LinkFacts> _plain = [];
    private readonly Dictionary<(int Rule, int Bau), string> _plainEncoded = [];
    private readonly KrPatterns _patterns;
    private readonly ReferencePatterns _references;
    private readonly IReadOnlyList<LinkRule> _rules;
    private readonly IReadOnlyList<LinkRule> _bau;
    private readonly Func<string, string> _krFieldNameOf;

    public LinkFactsReader(
        KrPatterns patterns,
        ReferencePatterns references,
        IReadOnlyList<LinkRule> rules,
        IReadOnlyList<LinkRule> bau,
        Func<string, string> krFieldNameOf,
        string stamp)
    {
        _patterns = patterns;
        _references = references;
        _rules = rules;
        _bau = bau;
        _krFieldNameOf = krFieldNameOf;
        Stamp = stamp;
    }

    /// <summary>A short name of the configuration the facts depend on; equal configurations give equal stamps.</summary>
    public string Stamp { get; }

    /// <summary>
    /// The reader of <paramref name="options"/> without an OKR set (the sync engine's): rules are compiled for matching
    /// only, since which KR a rule links to is the report's question.
    /// </summary>
    /// <exception cref="LinkingConfigException">A pattern or rule cannot be applied as written.</exception>
    public static LinkFactsReader Create(LinkingOptions options, IReadOnlyDictionary<string, string>? krFieldNames)
    {
        ArgumentNullException.ThrowIfNull(options);
        var rules = (options.Rules ?? []).Select((rule, i) => LinkRule.Compile(rule, $"Linking:Rules:{i}", catalog: null, matchOnly: true)).ToList();
        var bau = (options.Bau ?? []).Select((rule, i) => LinkRule.Compile(rule, $"Linking:Bau:{i}", catalog: null)).ToList();
        return new LinkFactsReader(
            KrPatterns.Compile(options),
            ReferencePatterns.Compile(options),
            rules,
            bau,
            KrFieldNameOf(krFieldNames),
            StampOf(options, krFieldNames));
    }

    /// <summary>Each source's configured KR field name (<c>Sources[].Fields.KeyResult</c>) by source name, case-insensitively.</summary>
    public static Dictionary<string, string> KrFieldNames(LinkerOptions options) =>
        options.Sources
            .Where(s => !string.IsNullOrWhiteSpace(s.Name))
            .GroupBy(s => s.Name, StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => g.First().Fields.KeyResult, StringComparer.OrdinalIgnoreCase);

    /// <summary>The facts as the store holds them, under <see cref="Stamp"/> (<see cref="LinkFactsCodec"/>).</summary>
    public string Encode(LinkFacts facts)
    {
        if (!facts.NamesNothing)
        {
            return LinkFactsCodec.Encode(Stamp, facts);
        }

        // Most items: one string per rule and BAU pair.
        lock (_plainEncoded)
        {
            if (!_plainEncoded.TryGetValue((facts.Rule, facts.Bau), out var text))
            {
                _plainEncoded.Add((facts.Rule, facts.Bau), text = LinkFactsCodec.Encode(Stamp, facts));
            }

            return text;
        }
    }

    /// <summary>The configured KR field's name for a source name; "Key Result" for a source not listed.</summary>
    public static Func<string, string> KrFieldNameOf(IReadOnlyDictionary<string, string>? krFieldNames)
    {
        var fields = krFieldNames ?? new Dictionary<string, string>();
        return source => fields.TryGetValue(source, out var name) && !string.IsNullOrWhiteSpace(name) ? name : "Key Result";
    }

    /// <summary>
    /// The stamp of everything the facts depend on: the tag, title and reference patterns, the sources whose references
    /// are off, the rules and BAU rules as matched (not the KR a rule links to), and each source's KR field name.
    /// </summary>
    public static string StampOf(LinkingOptions options, IReadOnlyDictionary<string, string>? krFieldNames)
    {
        var text = new StringBuilder(FactsVersion);
        void Add(string part, IEnumerable<string?> values)
        {
            text.Append('\n').Append(part);
            foreach (var value in values)
            {
                // Length-prefixed, so no value can pass for two.
                text.Append('\n').Append(value?.Length ?? -1).Append(':').Append(value);
            }
        }

        Add("tags", options.TagPatterns ?? []);
        Add("titles", options.TitlePatterns ?? []);
        Add("references", options.ReferencePatterns ?? []);
        Add("references-off", options.ReferencesOff ?? []);
        Add("rules", (options.Rules ?? []).SelectMany(RuleParts));
        Add("bau", (options.Bau ?? []).SelectMany(RuleParts));

        // Compared case-insensitively by source name, as the linker looks them up.
        Add(
            "kr-fields",
            (krFieldNames ?? new Dictionary<string, string>())
                .Select(f => (Source: f.Key.ToUpperInvariant(), f.Value))
                .OrderBy(f => f.Source, StringComparer.Ordinal)
                .SelectMany(f => new[] { f.Source, f.Value }));
        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())), 0, 6);
    }

    private static IEnumerable<string?> RuleParts(RuleOptions? rule) =>
        rule is null ? [null] : [rule.Source, rule.Label, rule.Field, rule.EqualsValue, rule.StartsWith];

    /// <summary>The item's facts.</summary>
    public LinkFacts Read(WorkItem item) => Read(item, labelMentions: null);

    /// <summary>
    /// <see cref="Read(WorkItem)"/> for one item of many: the mentions of a label list are shared by every item that
    /// holds the same list instance (the store's reader shares one list among the items with equal labels).
    /// </summary>
    public LinkFacts Read(WorkItem item, Dictionary<IReadOnlyList<string>, KrMention[]>? labelMentions)
    {
        var mentions = MentionsOf(item, labelMentions);
        var references = _references.In(item);
        var rule = FirstMatch(_rules, item);
        var bau = FirstMatch(_bau, item);
        if (mentions.Count == 0 && references.Count == 0)
        {
            return Plain(rule, bau);
        }

        return new LinkFacts(mentions, references, rule, bau);
    }

    /// <summary>The one instance of facts that name nothing and match these rules.</summary>
    public LinkFacts Plain(int rule, int bau)
    {
        lock (_plain)
        {
            if (!_plain.TryGetValue((rule, bau), out var facts))
            {
                _plain.Add((rule, bau), facts = new LinkFacts([], [], rule, bau));
            }

            return facts;
        }
    }

    /// <summary>An empty cache for <see cref="Read(WorkItem, Dictionary{IReadOnlyList{string}, KrMention[]})"/>: by list instance.</summary>
    public static Dictionary<IReadOnlyList<string>, KrMention[]> NewLabelCache() => new(ReferenceEqualityComparer.Instance);

    // Items read some other way hold a list each: the cache stops growing there.
    private const int MaxSharedLabelLists = 10_000;

    // Labels, then the title, then the KR field values: the order step 1 reads them in (the first place that names a KR is its Via).
    private IReadOnlyList<KrMention> MentionsOf(WorkItem item, Dictionary<IReadOnlyList<string>, KrMention[]>? labelMentions)
    {
        var inTitle = _patterns.MayNameInTitle(item.Title);
        if (item.Labels.Count == 0 && item.KrValues.Count == 0 && !inTitle)
        {
            return [];
        }

        KrMention[] ofLabels;
        if (item.Labels.Count == 0)
        {
            ofLabels = [];
        }
        else if (labelMentions is null || !labelMentions.TryGetValue(item.Labels, out ofLabels!))
        {
            ofLabels = [.. item.Labels.SelectMany(_patterns.InLabel)];
            if (labelMentions is not null && labelMentions.Count < MaxSharedLabelLists)
            {
                labelMentions.Add(item.Labels, ofLabels);
            }
        }

        if (!inTitle && item.KrValues.Count == 0)
        {
            return ofLabels;
        }

        var fieldName = _krFieldNameOf(item.Source);
        return
        [
            .. ofLabels,
            .. (inTitle ? _patterns.InTitle(item.Title) : Enumerable.Empty<KrMention>()),
            .. item.KrValues.SelectMany(v => _patterns.InFieldValue(v, fieldName)),
        ];
    }

    /// <summary>
    /// The facts of an item whose KR field values from a field stream (<paramref name="added"/>, those its own values
    /// lack) join its own at report time: their mentions come after all the others, as they do in the joined list.
    /// </summary>
    public LinkFacts WithFieldValues(LinkFacts facts, string source, IReadOnlyList<string> added)
    {
        if (added.Count == 0)
        {
            return facts;
        }

        var fieldName = _krFieldNameOf(source);
        return facts with { Mentions = [.. facts.Mentions, .. added.SelectMany(v => _patterns.InFieldValue(v, fieldName))] };
    }

    private static int FirstMatch(IReadOnlyList<LinkRule> rules, WorkItem item)
    {
        for (var i = 0; i < rules.Count; i++)
        {
            if (rules[i].Matches(item))
            {
                return i;
            }
        }

        return -1;
    }
}
