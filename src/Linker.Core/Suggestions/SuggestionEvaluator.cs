using OkrLinker.Core.Configuration;
using OkrLinker.Core.Items;
using OkrLinker.Core.Linking;
using OkrLinker.Core.Okrs;

namespace OkrLinker.Core.Suggestions;

/// <summary>
/// Measures the suggestions honestly: hides the tags of a seeded random share of the items that name a KR
/// themselves, links everything again (so what inherited or followed those tags loses them too), suggests for the
/// hidden items that are now unlinked, and counts how often the hidden KR is the first suggestion or among them.
/// </summary>
public static class SuggestionEvaluator
{
    /// <param name="share">The share of tagged items to hide, in (0, 1].</param>
    /// <param name="recentUntil">The end of the team's recent work window, as for the report.</param>
    public static SuggestionEvaluation Evaluate(
        IReadOnlyList<WorkItem> items,
        WorkItemLinker linker,
        OkrSet okrs,
        LinkingOptions linkingOptions,
        double share,
        int seed,
        DateTimeOffset recentUntil)
    {
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(linker);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(share);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(share, 1);

        var before = linker.Link(items);
        var random = new Random(seed);
        var changed = items.ToArray();
        var truth = new Dictionary<int, HashSet<string>>();
        var tagged = 0;
        for (var i = 0; i < items.Count; i++)
        {
            var named = before.Items[i].Links.Where(l => l.Reason == LinkReason.Explicit).Select(l => l.KrId).ToList();
            if (items[i].GoneAt is not null || named.Count == 0)
            {
                continue;
            }

            tagged++;
            if (random.NextDouble() < share)
            {
                changed[i] = linker.WithoutOwnTags(items[i]);
                truth.Add(i, new HashSet<string>(named, StringComparer.OrdinalIgnoreCase));
            }
        }

        var after = linker.Link(changed);
        var suggester = new KrSuggester(after, okrs, linkingOptions, recentUntil);
        int evaluated = 0, top1 = 0, top3 = 0, none = 0;
        foreach (var (index, krs) in truth.OrderBy(t => t.Key))
        {
            if (after.Items[index].Bucket != Bucket.Unlinked)
            {
                continue;
            }

            evaluated++;
            var suggestions = suggester.For(index);
            none += suggestions.Count == 0 ? 1 : 0;
            top1 += suggestions.Count > 0 && krs.Contains(suggestions[0].Kr) ? 1 : 0;
            top3 += suggestions.Any(s => krs.Contains(s.Kr)) ? 1 : 0;
        }

        return new SuggestionEvaluation(tagged, truth.Count, evaluated, top1, top3, none);
    }
}
