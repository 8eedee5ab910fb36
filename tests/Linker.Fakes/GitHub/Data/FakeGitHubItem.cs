namespace OkrLinker.Fakes;

/// <summary>
/// One issue or pull request as the fake holds it; also what <see cref="FakeGitHubData.Snapshot"/> returns,
/// so a test can compare a store with the data set field by field.
/// </summary>
public sealed record FakeGitHubItem
{
    public required string Repo { get; init; }

    /// <summary>The REST <c>id</c> (GraphQL <c>fullDatabaseId</c>), unique across the whole data set.</summary>
    public required long Id { get; init; }

    public required string NodeId { get; init; }

    /// <summary>Issues and pull requests share one number sequence per repo, as on GitHub.</summary>
    public required int Number { get; init; }

    public required string Title { get; init; }

    /// <summary><c>open</c> or <c>closed</c>.</summary>
    public string State { get; init; } = "open";

    /// <summary><c>completed</c>, <c>not_planned</c> or null (open issues and all pull requests).</summary>
    public string? StateReason { get; init; }

    public IReadOnlyList<string> Assignees { get; init; } = [];

    public IReadOnlyList<string> Labels { get; init; } = [];

    public required DateTimeOffset CreatedAt { get; init; }

    public required DateTimeOffset UpdatedAt { get; init; }

    public DateTimeOffset? ClosedAt { get; init; }

    public bool IsPullRequest { get; init; }

    public DateTimeOffset? MergedAt { get; init; }

    /// <summary>The sub-issue parent's number in the same repo (REST <c>parent_issue_url</c>).</summary>
    public int? ParentNumber { get; init; }

    /// <summary>The issue type's name (<c>"type": {"name": "Bug"}</c>), or null.</summary>
    public string? IssueType { get; init; }

    public string? Body { get; init; }

    public string Author { get; init; } = "octo-dev";

    /// <summary>True when the item sits in the data set's Projects v2 project.</summary>
    public bool InProject { get; init; }

    /// <summary>The project's "Key Result" field value; changing it does not bump <see cref="UpdatedAt"/> (trap 11).</summary>
    public string? KeyResult { get; init; }

    public string Key => $"{Repo}#{Number}";
}
