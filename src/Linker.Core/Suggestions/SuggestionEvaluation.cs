namespace OkrLinker.Core.Suggestions;

/// <summary>What <c>suggest --evaluate</c> found: how often the hidden KR came back first, or among the first three.</summary>
/// <param name="Tagged">Items that named a KR themselves (label, title token, KR field), the ones whose tags can be hidden.</param>
/// <param name="Hidden">Of those, the seeded share whose tags were hidden.</param>
/// <param name="Evaluated">Of those, the ones left unlinked once hidden (the rest still inherit or match a rule).</param>
/// <param name="Top1">Evaluated items whose first suggestion is a KR they had named.</param>
/// <param name="Top3">Evaluated items with such a KR among their suggestions.</param>
/// <param name="WithoutSuggestion">Evaluated items that got no suggestion at all (counted as misses).</param>
public sealed record SuggestionEvaluation(int Tagged, int Hidden, int Evaluated, int Top1, int Top3, int WithoutSuggestion)
{
    public double Top1Accuracy => Evaluated == 0 ? 0 : (double)Top1 / Evaluated;

    public double Top3Accuracy => Evaluated == 0 ? 0 : (double)Top3 / Evaluated;
}
