namespace OkrLinker.Core.Configuration;

/// <summary>
/// One entry of <c>Sources</c>. Which keys apply depends on <see cref="Kind"/>:
/// <c>jira</c>, <c>azure-devops</c>, <c>github</c> or <c>files</c>.
/// </summary>
public sealed class SourceOptions
{
    public string Name { get; set; } = "";

    public string Kind { get; set; } = "";

    /// <summary>Jira site, Azure DevOps organization URL, or GitHub API root.</summary>
    public string? BaseUrl { get; set; }

    /// <summary>Jira: the JQL that selects the items (one scope), or that narrows each of <see cref="Projects"/>.</summary>
    public string? Jql { get; set; }

    /// <summary>
    /// Jira: <c>Cloud</c> (the default: <c>/rest/api/3/search/jql</c>, e-mail + API token), <c>DataCenter</c>
    /// (<c>/rest/api/2/search</c>, a personal access token), or <c>Auto</c> (read from <c>/rest/api/2/serverInfo</c>).
    /// </summary>
    public string? Flavor { get; set; }

    /// <summary>Azure DevOps: team projects. Jira: project keys. One scope each.</summary>
    public List<string> Projects { get; set; } = [];

    /// <summary>Azure DevOps: only work items under these area paths (<c>Shop\Checkout</c>); empty means the whole project.</summary>
    public List<string> AreaPaths { get; set; } = [];

    /// <summary>
    /// Azure DevOps: a WIQL condition ANDed to every query, e.g. <c>[System.WorkItemType] &lt;&gt; 'Test Case'</c>
    /// (a condition only: no SELECT, no ORDER BY).
    /// </summary>
    public string? Wiql { get; set; }

    /// <summary>GitHub: the owner (org or user).</summary>
    public string? Owner { get; set; }

    /// <summary>GitHub: repos of <see cref="Owner"/>; empty means every repo of the owner.</summary>
    public List<string> Repos { get; set; } = [];

    /// <summary>GitHub: also sync archived repos of <see cref="Owner"/> when <see cref="Repos"/> is empty. Default false.</summary>
    public bool IncludeArchived { get; set; }

    /// <summary>GitHub: Projects (v2) of <see cref="Owner"/> whose "Key Result" field is read, by number.</summary>
    public List<int> ProjectNumbers { get; set; } = [];

    /// <summary>How far behind the newest <c>updated</c> seen an incremental sync starts again. Default 5 minutes.</summary>
    public TimeSpan Overlap { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Files: <c>jira</c>, <c>azure-devops</c>, <c>github</c> or <c>csv</c>.</summary>
    public string? Format { get; set; }

    /// <summary>Files: the folder of saved responses, relative to the config file.</summary>
    public string? Path { get; set; }

    public AuthOptions Auth { get; set; } = new();

    /// <summary>The tracker's webhooks to this source's receiver (issue 15); off until a secret is named.</summary>
    public WebhookReceiverOptions Webhook { get; set; } = new();

    public FieldOptions Fields { get; set; } = new();

    /// <summary>State name → category, overriding the well-known names (DESIGN.md §6).</summary>
    public Dictionary<string, Items.StateCategory> StateCategories { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Quartz cron expression for this source's sync. Default every 15 minutes.</summary>
    public string Schedule { get; set; } = "0 */15 * * * ?";
}
