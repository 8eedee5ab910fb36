namespace OkrLinker.Core.Sources;

/// <summary>A source failure the user must fix; never retried. The message names the source and the remedy.</summary>
public sealed class SourceException : Exception
{
    public SourceException(string source, string message)
        : base(message) => Source = source;

    public SourceException(string source, string message, Exception inner)
        : base(message, inner) => Source = source;

    public new string Source { get; }

    /// <summary>
    /// True (the default) when every scope of the source would fail the same way (a rejected token),
    /// so the rest of its scopes are not tried; false for one scope's problem (a repo not found).
    /// </summary>
    public bool WholeSource { get; init; } = true;

    /// <summary>The HTTP status the tracker refused with (401, 403), when a refusal raised it; else null.</summary>
    public int? StatusCode { get; init; }
}
