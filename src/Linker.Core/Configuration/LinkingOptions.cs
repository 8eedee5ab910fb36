namespace OkrLinker.Core.Configuration;

public sealed class LinkingOptions
{
    /// <summary>Regexes matched against whole labels/tags; the <c>kr</c> group is the KR id.</summary>
    public List<string> TagPatterns { get; set; } = [@"^kr[:=](?<kr>[A-Za-z0-9._-]+)$"];

    /// <summary>Regexes matched inside titles; the <c>kr</c> group is the KR id.</summary>
    public List<string> TitlePatterns { get; set; } = [@"\[(?<kr>[A-Za-z0-9._-]+-KR\d+)\]"];

    /// <summary>Children inherit the explicit KRs of their nearest tagged ancestor. Default true.</summary>
    public bool Inherit { get; set; } = true;

    /// <summary>
    /// Regexes that find references to other synced items in titles, bodies and head branches
    /// (DESIGN.md §7, cross-reference). A <c>key</c> group yields a stored item's key as it is;
    /// else a <c>number</c> group, with an optional <c>repo</c> group, yields <c>repo#number</c>, the
    /// repo being the referring item's own when the group is absent. Defaults: Jira keys, Azure Boards'
    /// <c>AB#4711</c>, GitHub <c>owner/repo#12</c>, issue and pull-request URLs, and a bare <c>#12</c>.
    /// </summary>
    public List<string> ReferencePatterns { get; set; } =
    [
        @"\b(?<key>[A-Z][A-Z0-9_]+-\d+)\b",
        @"\bAB#(?<key>\d+)\b",
        @"(?<![\w./-])(?<repo>[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+)#(?<number>\d+)\b",
        @"https?://[^/\s]+/(?<repo>[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+)/(?:issues|pull)/(?<number>\d+)\b",
        @"(?<![\w/&#])#(?<number>\d+)\b",
    ];

    /// <summary>Source names whose items do not follow their references (they can still be referenced). Default none.</summary>
    public List<string> ReferencesOff { get; set; } = [];

    public List<RuleOptions> Rules { get; set; } = [];

    public List<RuleOptions> Bau { get; set; } = [];
}
