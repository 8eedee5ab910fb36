using OkrLinker.Core.Linking;

namespace OkrLinker.Core.Reports;

/// <param name="Link">Why the linker left it unlinked (<c>how</c>, <c>from</c>, <c>krs</c>, <c>why</c>); null when not known.</param>
public sealed record UnlinkedItem(
    string Source, string Key, string Title, string? Url, string Team, string Type, string State, double? Points, LinkExplanation? Link = null);
