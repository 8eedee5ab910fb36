using OkrLinker.Core.Configuration;
using OkrLinker.Core.Linking;
using OkrLinker.Core.Suggestions;
using OkrLinker.Core.Tests.Support;

namespace OkrLinker.Core.Tests.Suggestions;

/// <summary>
/// The suggestions on <see cref="StructuredBacklog"/> (seed 7, 400 initiatives, about 10,000 items), where the truth
/// is known. The thresholds sit a few points under what was measured, so a change that makes them worse fails.
/// </summary>
public sealed class SuggestionQualityTests
{
    private static readonly Lazy<StructuredBacklog> Backlog = new(() => StructuredBacklog.Generate(seed: 7, initiatives: 400));

    [Fact]
    public void The_unlinked_stories_get_the_KR_of_their_epic_first_in_most_cases()
    {
        var backlog = Backlog.Value;
        var options = new LinkingOptions();
        var linking = new WorkItemLinker(options, backlog.Okrs).Link(backlog.Items);
        var suggester = new KrSuggester(linking, backlog.Okrs, options, StructuredBacklog.WeekEnd);

        int evaluated = 0, top1 = 0, top3 = 0;
        foreach (var (key, kr) in backlog.Truth)
        {
            // A story that names a tagged sibling in its body is linked by that reference.
            if (suggester.UnlinkedIndexOf("jira", key) is not { } index)
            {
                continue;
            }

            evaluated++;
            var suggestions = suggester.For(index);
            top1 += suggestions.Count > 0 && suggestions[0].Kr == kr ? 1 : 0;
            top3 += suggestions.Any(s => s.Kr == kr) ? 1 : 0;
        }

        var measured = $"top-1 {top1} and top-3 {top3} of {evaluated}";
        Assert.True(evaluated > 1000, measured);
        Assert.True((double)top1 / evaluated >= TopOneFloor, measured);
        Assert.True((double)top3 / evaluated >= TopThreeFloor, measured);
    }

    [Fact]
    public void Hidden_tags_are_found_again_in_most_cases()
    {
        var backlog = Backlog.Value;
        var options = new LinkingOptions();

        var evaluation = SuggestionEvaluator.Evaluate(
            backlog.Items, new WorkItemLinker(options, backlog.Okrs), backlog.Okrs, options, share: 0.2, seed: 1, StructuredBacklog.WeekEnd);

        var measured = $"top-1 {evaluation.Top1Accuracy:P1}, top-3 {evaluation.Top3Accuracy:P1} of {evaluation.Evaluated} ({evaluation})";
        Assert.True(evaluation.Evaluated > 200, measured);
        Assert.True(evaluation.Top1Accuracy >= EvaluationTopOneFloor, measured);
        Assert.True(evaluation.Top3Accuracy >= EvaluationTopThreeFloor, measured);
    }

    // Measured: 2,443 and 2,717 of 2,725 (89.7 %, 99.7 %).
    private const double TopOneFloor = 0.85;
    private const double TopThreeFloor = 0.95;

    // Measured: 342 and 405 of 405 (84.4 %, 100 %).
    private const double EvaluationTopOneFloor = 0.78;
    private const double EvaluationTopThreeFloor = 0.95;
}
