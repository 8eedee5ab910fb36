namespace OkrLinker.Core.Linking;

/// <summary>A KR id as an item names it, and where (for the finding when it names no current KR).</summary>
/// <param name="Id">The text captured by the pattern's <c>kr</c> group, or a bare KR field token.</param>
/// <param name="Where">A short phrase such as <c>label 'kr:O1-KR9'</c>, for findings.</param>
/// <param name="Matched">What matched, as a PM would point at it: <c>label kr:O1-KR1</c>, <c>title token [O1-KR1]</c>.</param>
internal readonly record struct KrMention(string Id, string Where, string Matched);
