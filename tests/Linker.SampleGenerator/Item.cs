namespace OkrLinker.Samples;

/// <summary>One work item before it is dressed in a vendor's shape.</summary>
internal sealed class Item
{
    public required Src Source { get; init; }

    /// <summary>Jira project key, Azure DevOps area path, or GitHub owner/repo.</summary>
    public required string Scope { get; init; }

    /// <summary>Jira issue type, Azure DevOps work item type, or Issue / PullRequest on GitHub.</summary>
    public required string Kind { get; init; }

    public required string Title { get; set; }

    public required Plan Plan { get; init; }

    public Item? Parent { get; init; }

    public List<Item> Children { get; } = [];

    public List<string> Labels { get; } = [];

    public string? KrField { get; set; }

    public double? Points { get; set; }

    public string? Component { get; set; }

    /// <summary>GitHub issue type (Bug, Feature, Task) or null.</summary>
    public string? IssueType { get; set; }

    public bool Reopened { get; set; }

    public bool Dependabot { get; set; }

    public bool Draft { get; set; }

    public string? Body { get; set; }

    /// <summary>
    /// Items of other trackers a pull request names; <c>{0}</c>, <c>{1}</c>… in <see cref="Title"/> and
    /// <see cref="Body"/> become their keys (<c>AB#id</c> for Azure DevOps) once every tracker is numbered.
    /// </summary>
    public List<Item> Mentions { get; } = [];

    public Person? Assignee { get; set; }

    public required Person Author { get; init; }

    public DateTime Created { get; set; }

    public DateTime Updated { get; set; }

    public DateTime? Resolved { get; set; }

    /// <summary>Azure DevOps: the item stopped in Resolved rather than Closed.</summary>
    public bool StopsAtResolved { get; set; }

    public long Id { get; set; }

    public int Number { get; set; }

    public string Key { get; set; } = "";

    /// <summary>Epics, features and GitHub tracking issues: opened early, children hang below.</summary>
    public bool IsContainer { get; init; }
}
