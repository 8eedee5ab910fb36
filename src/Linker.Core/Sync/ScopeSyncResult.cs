namespace OkrLinker.Core.Sync;

/// <summary>What one scope's sync did. <see cref="Error"/> is set when it stopped early; the pages before it stay committed.</summary>
public sealed record ScopeSyncResult(
    string Source,
    string ScopeId,
    int Pages,
    int Read,
    int Inserted,
    int Updated,
    int Unchanged,
    int Removed,
    TimeSpan Duration,
    string? Error)
{
    /// <summary>The worker is stopping: the run ended after a committed page, before the source was done.</summary>
    public bool Stopped { get; init; }

    /// <summary>The failure stops the whole source: its other scopes would fail the same way.</summary>
    public bool StopsSource { get; init; }

    public bool Succeeded => Error is null;
}
