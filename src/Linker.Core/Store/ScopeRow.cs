namespace OkrLinker.Core.Store;

/// <summary>One scope of a source and the cursor committed with its last page.</summary>
public sealed class ScopeRow
{
    public string Source { get; set; } = "";

    public string ScopeId { get; set; } = "";

    public string? Cursor { get; set; }

    public DateTimeOffset? CursorAt { get; set; }

    public DateTimeOffset? LastRunAt { get; set; }

    public DateTimeOffset? LastSuccessAt { get; set; }

    public DateTimeOffset? LastFullSyncAt { get; set; }

    public string? LastError { get; set; }
}
