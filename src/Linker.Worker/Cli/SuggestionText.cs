using System.Globalization;
using OkrLinker.Core.Linking;
using OkrLinker.Core.Suggestions;

namespace OkrLinker.Worker.Cli;

/// <summary>The <c>suggest</c> verb's answer: each unlinked item with its suggested KRs and their evidence, or the evaluation's accuracy.</summary>
internal static class SuggestionText
{
    public static async Task WriteAsync(string week, IReadOnlyList<(LinkedItem Linked, IReadOnlyList<KrSuggestion> Suggestions)> items, TextWriter output)
    {
        var with = items.Count(i => i.Suggestions.Count > 0);
        await output.WriteLineAsync($"{week}: {items.Count} unlinked {(items.Count == 1 ? "item" : "items")} in scope, {with} with a suggestion.");
        foreach (var (linked, suggestions) in items)
        {
            var item = linked.Item;
            await output.WriteLineAsync();
            await output.WriteLineAsync($"{item.Key} — {item.Title} ({item.Source}, team {item.Team})");
            if (suggestions.Count == 0)
            {
                await output.WriteLineAsync("  no suggestion: nothing near it serves a KR");
                continue;
            }

            foreach (var suggestion in suggestions)
            {
                var head = string.Create(CultureInfo.InvariantCulture, $"  {suggestion.Kr} {suggestion.Score:0.000}");
                await output.WriteLineAsync($"{head}  {suggestion.Evidence[0]}");
                foreach (var evidence in suggestion.Evidence.Skip(1))
                {
                    await output.WriteLineAsync($"{new string(' ', head.Length)}  {evidence}");
                }
            }
        }
    }

    public static async Task WriteEvaluationAsync(SuggestionEvaluation evaluation, double share, int seed, TextWriter output)
    {
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"Hid the tags of {evaluation.Hidden} of {evaluation.Tagged} tagged items (share {share}, seed {seed}); "
            + $"{evaluation.Evaluated} were left unlinked and evaluated."));
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"top-1 accuracy: {evaluation.Top1Accuracy * 100:0.0} % ({evaluation.Top1} of {evaluation.Evaluated})"));
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"top-3 accuracy: {evaluation.Top3Accuracy * 100:0.0} % ({evaluation.Top3} of {evaluation.Evaluated})"));
        await output.WriteLineAsync($"no suggestion: {evaluation.WithoutSuggestion}");
    }
}
