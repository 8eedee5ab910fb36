using OkrLinker.Core.Items;
using OkrLinker.Core.Okrs;

namespace OkrLinker.Core.Tests.Support;

/// <summary>
/// A seeded backlog whose structure says which KR each item serves, for the suggestions' quality test: initiatives
/// of a few epics, mostly on one KR; stories under each epic on the epic's KR, their titles drawn mostly from that KR's
/// words (a fifth from another KR's) and from words every KR shares; each team on two KRs most of the time. Half the
/// epics are tagged (their stories inherit), a third of the other epics' stories are tagged themselves, the rest are
/// unlinked: <see cref="Truth"/> holds what each of those serves.
/// </summary>
public sealed class StructuredBacklog
{
    public static readonly DateTimeOffset WeekEnd = new(2026, 11, 23, 0, 0, 0, TimeSpan.Zero);

    private static readonly string[][] Topics =
    [
        ["signup", "onboarding", "invite", "welcome", "tour", "activation", "trial", "profile"],
        ["checkout", "payment", "3ds", "refund", "invoice", "card", "wallet", "coupon"],
        ["search", "ranking", "query", "index", "filter", "facet", "autocomplete", "synonym"],
        ["latency", "cache", "p95", "timeout", "queue", "throughput", "cdn", "pool"],
        ["android", "ios", "push", "offline", "tablet", "widget", "biometric", "deeplink"],
        ["export", "dashboard", "report", "csv", "chart", "metric", "warehouse", "pipeline"],
    ];

    private static readonly string[] Common =
    [
        "fix", "add", "update", "improve", "remove", "support", "handle", "error", "page", "flow", "screen", "button",
        "test", "api", "service", "config", "log", "edge", "case", "copy", "text", "layout", "state", "retry",
    ];

    private static readonly string[] Teams = ["growth", "payments", "discovery", "platform"];

    private StructuredBacklog(OkrSet okrs, IReadOnlyList<WorkItem> items, IReadOnlyDictionary<string, string> truth)
    {
        Okrs = okrs;
        Items = items;
        Truth = truth;
    }

    public OkrSet Okrs { get; }

    public IReadOnlyList<WorkItem> Items { get; }

    /// <summary>The KR each untagged story under an untagged epic serves, by key.</summary>
    public IReadOnlyDictionary<string, string> Truth { get; }

    public static StructuredBacklog Generate(int seed, int initiatives)
    {
        var random = new Random(seed);
        var krs = Enumerable.Range(0, Topics.Length).Select(k => $"O{(k / 2) + 1}-KR{(k % 2) + 1}").ToArray();
        var okrs = Some.Okrs(
        [
            .. Enumerable.Range(1, 3).Select(o => Some.Objective(
                $"O{o}",
                [.. Enumerable.Range(0, 2).Select(k => Some.KeyResult($"O{o}-KR{k + 1}") with { Title = $"More {Topics[((o - 1) * 2) + k][0]} done well" })])),
        ]);
        var items = new List<WorkItem>();
        var truth = new Dictionary<string, string>(StringComparer.Ordinal);
        var number = 0;
        for (var i = 0; i < initiatives; i++)
        {
            var team = random.Next(Teams.Length);
            var initiativeKr = Pick(random, team);
            var initiative = Item(++number, team, "Initiative", Title(random, initiativeKr), null);
            items.Add(initiative);
            for (var e = random.Next(2, 5); e > 0; e--)
            {
                var kr = random.NextDouble() < 0.7 ? initiativeKr : Pick(random, team);
                var epicTagged = random.NextDouble() < 0.5;
                var epic = Item(++number, team, "Epic", Title(random, kr), initiative.Key) with { Labels = epicTagged ? [$"kr:{krs[kr]}"] : [] };
                items.Add(epic);
                var stories = new List<WorkItem>();
                for (var s = random.Next(3, 12); s > 0; s--)
                {
                    var storyKr = random.NextDouble() < 0.2 ? random.Next(krs.Length) : kr;
                    var tagged = !epicTagged && random.NextDouble() < 0.35;
                    var story = Item(++number, team, "Story", Title(random, storyKr), epic.Key) with { Labels = tagged ? [$"kr:{krs[kr]}"] : [] };
                    if (stories.Count > 0 && random.NextDouble() < 0.1)
                    {
                        story = story with { Body = $"Follows {stories[random.Next(stories.Count)].Key}." };
                    }

                    if (!epicTagged && !tagged)
                    {
                        truth.Add(story.Key, krs[kr]);
                    }

                    stories.Add(story);
                }

                items.AddRange(stories);
            }
        }

        return new StructuredBacklog(okrs, items, truth);
    }

    // Each team works on two KRs (its own pair) four times in five.
    private static int Pick(Random random, int team) =>
        random.NextDouble() < 0.8 ? ((team * 2) + random.Next(2)) % Topics.Length : random.Next(Topics.Length);

    private static string Title(Random random, int kr)
    {
        var words = new List<string>();
        for (var n = random.Next(1, 3); n > 0; n--)
        {
            words.Add(Topics[kr][random.Next(Topics[kr].Length)]);
        }

        for (var n = random.Next(1, 4); n > 0; n--)
        {
            words.Insert(random.Next(words.Count + 1), Common[random.Next(Common.Length)]);
        }

        return string.Join(' ', words);
    }

    private static WorkItem Item(int number, int team, string type, string title, string? parent) =>
        Some.Item($"GEN-{number}", team: Teams[team]) with
        {
            Title = title,
            Type = type,
            ParentKey = parent,
            Created = WeekEnd.AddDays(-20 - (number % 30)),
            Updated = WeekEnd.AddDays(-1 - (number % 40)),
        };
}
