namespace OkrLinker.Core.Suggestions;

/// <summary>
/// A KR an unlinked item probably serves (issue 16): the report JSON's <c>unlinkedItems[].suggestions</c>, the
/// dashboard's team, unlinked and item pages, and the <c>suggest</c> verb all show this one shape.
/// </summary>
/// <param name="Kr">The KR id, as okrs.yaml spells it.</param>
/// <param name="Score">How strongly the evidence points at it, in [0, 1]; suggestions are listed best first.</param>
/// <param name="Evidence">Why, one sentence each, in words a PM reads (<c>7 of 9 siblings under GRO-301 serve O1-KR1</c>).</param>
public sealed record KrSuggestion(string Kr, double Score, IReadOnlyList<string> Evidence);
