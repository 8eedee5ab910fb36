namespace OkrLinker.Core.Store;

/// <summary>A configured source as the store last saw it run.</summary>
public sealed class SourceRow
{
    public string Name { get; set; } = "";

    public string Kind { get; set; } = "";

    /// <summary>The first time any run of this source was recorded; it says the worker was around before a missed slot.</summary>
    public DateTimeOffset? FirstRunAt { get; set; }

    public DateTimeOffset? LastRunAt { get; set; }

    public DateTimeOffset? LastSuccessAt { get; set; }

    public string? LastError { get; set; }
}
