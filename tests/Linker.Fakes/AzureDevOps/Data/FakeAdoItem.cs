namespace OkrLinker.Fakes;

/// <summary>One work item as the fake Azure DevOps holds it; every change makes a new copy with a higher <see cref="Rev"/>.</summary>
public sealed record FakeAdoItem
{
    public required int Id { get; init; }

    public int Rev { get; init; } = 1;

    public required string Project { get; init; }

    public required string Type { get; init; }

    public required string Title { get; init; }

    public required string State { get; init; }

    /// <summary><c>Project</c> or <c>Project\Team</c>.</summary>
    public required string AreaPath { get; init; }

    public string? IterationPath { get; init; }

    public IReadOnlyList<string> Tags { get; init; } = [];

    public int? Parent { get; init; }

    public double? StoryPoints { get; init; }

    public double? Effort { get; init; }

    public double? Size { get; init; }

    /// <summary>The custom "Key Result" field (<c>Custom.KeyResult</c>).</summary>
    public string? KeyResult { get; init; }

    /// <summary><c>System.Description</c>: HTML, as the work item form saves it; none in generated data.</summary>
    public string? Description { get; init; }

    public required DateTimeOffset Created { get; init; }

    public required DateTimeOffset Changed { get; init; }

    public DateTimeOffset? Closed { get; init; }
}
