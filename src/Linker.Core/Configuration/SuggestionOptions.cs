namespace OkrLinker.Core.Configuration;

/// <summary><c>Report:Suggestions</c>: the KRs the report suggests for its unlinked items (issue 16).</summary>
public sealed class SuggestionOptions
{
    /// <summary>Whether the report computes suggestions at all. Default true.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>
    /// At most this many unlinked items get suggestions, the first in the report's order (most points first, then
    /// by key); the rest carry none (absent from the JSON). Default 10,000; 0 or more.
    /// </summary>
    public int MaxItems { get; set; } = 10_000;
}
