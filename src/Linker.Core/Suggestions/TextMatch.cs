namespace OkrLinker.Core.Suggestions;

/// <summary>How much an item's words resemble one KR's: the cosine in [0, 1] and the shared words, weightiest first.</summary>
internal sealed record TextMatch(int Kr, double Cosine, IReadOnlyList<SharedWord> Words);
