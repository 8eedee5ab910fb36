namespace OkrLinker.Fakes.GitHub.Data;

/// <summary>
/// Fills a data set deterministically from a seed: repos interleaved in time, ~20% pull requests, ~60%
/// closed, epics with sub-issues, <c>kr:</c>/<c>bug</c>/<c>support</c> labels, distinct <c>updated_at</c>
/// seconds spread over the span before "now", and a few percent of items in the project with a KR value.
/// </summary>
internal static class FakeGitHubGenerator
{
    private static readonly string[] KeyResults = ["O1-KR1", "O1-KR2", "O2-KR1", "O2-KR2", "O3-KR1", "O3-KR2", "O3-KR3"];
    private static readonly string[] People = ["alice", "bob", "carol", "dave", "erin", "frank"];
    private static readonly string[] Verbs = ["Fix", "Add", "Improve", "Remove", "Refactor", "Document", "Speed up", "Harden"];
    private static readonly string[] Things =
        ["login timeout", "onboarding flow", "invoice export", "search ranking", "billing webhook", "cache eviction",
         "dashboard filters", "API pagination", "retry policy", "audit log"];

    public static void Fill(FakeGitHubData data, Random random, IReadOnlyList<string> repos, int itemsPerRepo, FakeGitHubGeneration shape)
    {
        foreach (var repo in repos)
        {
            data.AddRepo(repo);
        }

        var total = Math.Max(1, repos.Count * itemsPerRepo);
        var start = shape.Now - shape.Span;
        var step = shape.Span.TotalSeconds * 0.9 / total;
        var lastSecond = shape.Now.ToUnixTimeSeconds() - 1;
        var usedUpdates = new HashSet<long>();
        var epics = repos.ToDictionary(repo => repo, _ => new List<int>(), StringComparer.OrdinalIgnoreCase);

        for (var k = 0; k < itemsPerRepo; k++)
        {
            for (var r = 0; r < repos.Count; r++)
            {
                var repo = repos[r];
                var created = start.AddSeconds(Math.Floor(((k * repos.Count) + r) * step));
                var updated = DistinctUpdate(random, created, lastSecond, usedUpdates);
                var pull = random.NextDouble() < shape.PullRequestShare;
                var closed = random.NextDouble() < shape.ClosedShare;
                var epic = !pull && random.NextDouble() < 0.04;
                var title = $"{(epic ? "Epic: " : "")}{Verbs[random.Next(Verbs.Length)]} {Things[random.Next(Things.Length)]}";
                var labels = Labels(random);
                var parent = !pull && !epic && epics[repo].Count > 0 && random.NextDouble() < 0.3
                    ? epics[repo][random.Next(Math.Max(0, epics[repo].Count - 3), epics[repo].Count)]
                    : (int?)null;
                var assignees = Assignees(random);
                var inProject = random.NextDouble() < shape.ProjectShare;
                var kr = KeyResultFor(random, labels);
                var closedAt = updated.AddSeconds(-random.Next(0, (int)Math.Min(3600, (updated - created).TotalSeconds) + 1));
                var reason = random.NextDouble() < 0.85 ? "completed" : "not_planned";
                var merged = random.NextDouble() < 0.8;
                var type = epic ? "Epic" : labels.Contains("bug") ? "Bug" : random.NextDouble() switch
                {
                    < 0.4 => "Task",
                    < 0.55 => "Feature",
                    _ => null,
                };

                var item = data.AddGenerated(repo, title, pull, created, fresh => fresh with
                {
                    UpdatedAt = updated,
                    State = closed ? "closed" : "open",
                    StateReason = closed && !pull ? reason : null,
                    ClosedAt = closed ? closedAt : null,
                    MergedAt = closed && pull && merged ? closedAt : null,
                    Labels = labels,
                    Assignees = assignees,
                    ParentNumber = parent,
                    IssueType = pull ? null : type,
                    Author = People[random.Next(People.Length)],
                    Body = random.NextDouble() < 0.5 ? null : $"Generated item for {repo}.",
                    InProject = inProject,
                    KeyResult = inProject ? kr : null,
                });
                if (epic)
                {
                    epics[repo].Add(item.Number);
                }
            }
        }
    }

    // updated_at is unique to the second across the data set, so "since" boundaries are unambiguous.
    private static DateTimeOffset DistinctUpdate(Random random, DateTimeOffset created, long lastSecond, HashSet<long> used)
    {
        var from = created.ToUnixTimeSeconds();
        var second = from + (long)(random.NextDouble() * Math.Max(0, lastSecond - from));
        while (!used.Add(second))
        {
            second = second >= lastSecond ? from : second + 1;
        }

        return DateTimeOffset.FromUnixTimeSeconds(second);
    }

    private static List<string> Labels(Random random)
    {
        var labels = new List<string>();
        if (random.NextDouble() < 0.3)
        {
            labels.Add($"kr:{KeyResults[random.Next(KeyResults.Length)]}");
        }

        if (random.NextDouble() < 0.15)
        {
            labels.Add("bug");
        }

        if (random.NextDouble() < 0.05)
        {
            labels.Add("support");
        }

        return labels;
    }

    private static List<string> Assignees(Random random) => random.NextDouble() switch
    {
        < 0.5 => [People[random.Next(People.Length)]],
        < 0.6 => [People[random.Next(3)], People[3 + random.Next(3)]],
        _ => [],
    };

    // Mostly the KR the item's label names, sometimes another one: the project and the label can disagree.
    private static string KeyResultFor(Random random, List<string> labels)
    {
        var labelled = labels.FirstOrDefault(label => label.StartsWith("kr:", StringComparison.Ordinal));
        var other = KeyResults[random.Next(KeyResults.Length)];
        return labelled is not null && random.NextDouble() < 0.7 ? labelled["kr:".Length..] : other;
    }
}
