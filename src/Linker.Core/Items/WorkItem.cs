namespace OkrLinker.Core.Items;

/// <summary>
/// One backlog item as every source delivers it (DESIGN.md §6). Timestamps are UTC.
/// </summary>
public sealed record WorkItem
{
    /// <summary>The configured source name (<c>Sources[].Name</c>).</summary>
    public required string Source { get; init; }

    /// <summary>The tracker's immutable id: Jira issue id, Azure DevOps id, GitHub issue id.</summary>
    public required string ExternalId { get; init; }

    /// <summary>What users see: <c>PAY-12</c>, <c>4711</c>, <c>owner/repo#12</c>.</summary>
    public required string Key { get; init; }

    public string? Url { get; init; }

    public required string Title { get; init; }

    /// <summary>Issue type / work item type; GitHub: <c>issue</c> or <c>pull-request</c>.</summary>
    public required string Type { get; init; }

    public required string State { get; init; }

    public required StateCategory Category { get; init; }

    public required string Team { get; init; }

    /// <summary>Jira project key, Azure DevOps team project, GitHub <c>owner/repo</c>.</summary>
    public string? Project { get; init; }

    /// <summary>Azure DevOps area path.</summary>
    public string? Area { get; init; }

    /// <summary>Azure DevOps iteration path (the sprint).</summary>
    public string? Iteration { get; init; }

    /// <summary>Jira components.</summary>
    public IReadOnlyList<string> Components { get; init; } = [];

    /// <summary>Labels (Jira, GitHub) or tags (Azure DevOps), as the tracker spells them.</summary>
    public IReadOnlyList<string> Labels { get; init; } = [];

    /// <summary>Values of the configured "Key Result" field, as the tracker holds them.</summary>
    public IReadOnlyList<string> KrValues { get; init; } = [];

    /// <summary>The parent's <see cref="ExternalId"/>, where the tracker names the parent by id.</summary>
    public string? ParentId { get; init; }

    /// <summary>The parent's <see cref="Key"/>, where the tracker names the parent only by key.</summary>
    public string? ParentKey { get; init; }

    // The optional numbers and dates are kept as a value and a flag rather than as nullables: a nullable date takes 24
    // bytes and a nullable double 16, the flags share the slot beside Category, and a store of a million items holds a
    // million of these (docs/benchmarks.md). Equality is unchanged: an absent value is always held as default.
    private readonly double storyPoints;
    private readonly DateTimeOffset resolved;
    private readonly DateTimeOffset goneAt;
    private readonly bool hasStoryPoints;
    private readonly bool hasResolved;
    private readonly bool hasGoneAt;

    public double? StoryPoints
    {
        get => hasStoryPoints ? storyPoints : null;
        init => (hasStoryPoints, storyPoints) = (value.HasValue, value.GetValueOrDefault());
    }

    public required DateTimeOffset Created { get; init; }

    public required DateTimeOffset Updated { get; init; }

    public DateTimeOffset? Resolved
    {
        get => hasResolved ? resolved : null;
        init => (hasResolved, resolved) = (value.HasValue, value.GetValueOrDefault());
    }

    /// <summary>
    /// The description as plain text (GitHub bodies, Jira descriptions, Azure DevOps <c>System.Description</c>, a CSV
    /// <c>body</c>), at most 65,536 characters; searched for cross-references and read by the suggestions.
    /// </summary>
    public string? Body { get; init; }

    /// <summary>A pull request's head branch, where the source reads it; searched for cross-references.</summary>
    public string? Branch { get; init; }

    /// <summary>
    /// Set by the store, never by a source: when a reconciliation sweep last found that the tracker no longer
    /// returns the item (deleted, moved out of every synced scope, no longer visible). Null while it is returned.
    /// A gone item passes no KRs on (DESIGN.md §7); a Removed one that is still returned does.
    /// </summary>
    public DateTimeOffset? GoneAt
    {
        get => hasGoneAt ? goneAt : null;
        init => (hasGoneAt, goneAt) = (value.HasValue, value.GetValueOrDefault());
    }
}
