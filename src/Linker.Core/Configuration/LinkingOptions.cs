namespace OkrLinker.Core.Configuration;

public sealed class LinkingOptions
{
    /// <summary>Regexes matched against whole labels/tags; the <c>kr</c> group is the KR id.</summary>
    public List<string> TagPatterns { get; set; } = [@"^kr[:=](?<kr>[A-Za-z0-9._-]+)$"];

    /// <summary>Regexes matched inside titles; the <c>kr</c> group is the KR id.</summary>
    public List<string> TitlePatterns { get; set; } = [@"\[(?<kr>[A-Za-z0-9._-]+-KR\d+)\]"];

    /// <summary>Children inherit the explicit KRs of their nearest tagged ancestor. Default true.</summary>
    public bool Inherit { get; set; } = true;

    public List<RuleOptions> Rules { get; set; } = [];

    public List<RuleOptions> Bau { get; set; } = [];
}
