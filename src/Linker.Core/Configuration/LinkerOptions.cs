namespace OkrLinker.Core.Configuration;

/// <summary>The whole of <c>config/linker.json</c> (DESIGN.md §3). Paths are relative to the config file.</summary>
public sealed class LinkerOptions
{
    public OkrsOptions Okrs { get; set; } = new();

    public StoreOptions Store { get; set; } = new();

    public List<SourceOptions> Sources { get; set; } = [];

    /// <summary>"&lt;source name&gt;:&lt;Jira project key | ADO area path | GitHub owner/repo&gt;" → team.</summary>
    public Dictionary<string, string> Teams { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    public LinkingOptions Linking { get; set; } = new();

    public MetricsOptions Metrics { get; set; } = new();

    public ReportOptions Report { get; set; } = new();

    public WebOptions Web { get; set; } = new();

    /// <summary>Write-back on approval: the tag format (issue 16).</summary>
    public WriteBackOptions WriteBack { get; set; } = new();
}
