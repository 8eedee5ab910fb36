namespace OkrLinker.Core.Sync;

/// <summary>One source's part of a sync run; <see cref="Error"/> is a failure before any scope could run.</summary>
public sealed record SourceSyncResult(string Source, IReadOnlyList<ScopeSyncResult> Scopes, string? Error)
{
    public bool Succeeded => Error is null && Scopes.All(s => s.Succeeded);

    public string? FirstError => Error ?? Scopes.FirstOrDefault(s => !s.Succeeded)?.Error;
}
