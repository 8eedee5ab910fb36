namespace OkrLinker.Core.Sources;

/// <summary>A slice of a source with its own cursor: a Jira JQL slice, an ADO project, a GitHub repo, a folder.</summary>
/// <param name="Source">The source name.</param>
/// <param name="Id">Stable within the source; the cursor is stored under (Source, Id).</param>
public sealed record SourceScope(string Source, string Id)
{
    /// <summary>
    /// The scope yields KR field values (not items), and every run yields all of them: once a run
    /// completes, the stored values of this scope that it did not yield are dropped.
    /// </summary>
    public bool FieldStream { get; init; }
}
