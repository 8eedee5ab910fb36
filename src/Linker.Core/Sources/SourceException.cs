namespace OkrLinker.Core.Sources;

/// <summary>A source failure the user must fix; never retried. The message names the source and the remedy.</summary>
public sealed class SourceException : Exception
{
    public SourceException(string source, string message)
        : base(message) => Source = source;

    public SourceException(string source, string message, Exception inner)
        : base(message, inner) => Source = source;

    public new string Source { get; }
}
