namespace OkrLinker.Core.Store;

/// <summary>A stored work item, keyed by (Source, ExternalId). Lists are kept as JSON arrays.</summary>
public sealed class WorkItemRow
{
    public string Source { get; set; } = "";

    public string ExternalId { get; set; } = "";

    public string ScopeId { get; set; } = "";

    public string Key { get; set; } = "";

    public string? Url { get; set; }

    public string Title { get; set; } = "";

    public string Type { get; set; } = "";

    public string State { get; set; } = "";

    public string Category { get; set; } = "";

    public string Team { get; set; } = "";

    public string? Project { get; set; }

    public string? Area { get; set; }

    public string? Iteration { get; set; }

    public string Components { get; set; } = "[]";

    public string Labels { get; set; } = "[]";

    public string KrValues { get; set; } = "[]";

    public string? ParentId { get; set; }

    public string? ParentKey { get; set; }

    public double? StoryPoints { get; set; }

    public DateTimeOffset Created { get; set; }

    public DateTimeOffset Updated { get; set; }

    public DateTimeOffset? Resolved { get; set; }

    public string? Body { get; set; }

    public string? Branch { get; set; }

    /// <summary>When a sweep found the tracker no longer returns the item; cleared when it is read again.</summary>
    public DateTimeOffset? GoneAt { get; set; }

    /// <summary>When the stored content last changed; a re-read of an unchanged item leaves it alone.</summary>
    public DateTimeOffset ChangedAt { get; set; }

    /// <summary>
    /// What linking learns from the item alone (its KR mentions, the items it names, the first rule and BAU rule it
    /// matches), worked out when the row is written and stamped with the linking configuration it came from
    /// (<c>Linking.LinkFacts</c>); null for a row written before facts were kept. The report links from these
    /// when every row's stamp is the current one, and works them out again otherwise.
    /// </summary>
    public string? LinkFacts { get; set; }
}
