namespace OkrLinker.Fakes;

/// <summary>
/// Fills a collection deterministically from a seed. <see cref="Hierarchy"/>: per project 2% epics, 8% features,
/// 40% user stories and 50% tasks, each level parented in the one above, changed over the 80 days before
/// 2026-11-20 with millisecond times (some sharing a second); <c>kr:</c> tags, "a; b" tag lists, the Key Result
/// field, StoryPoints / Effort / Size, areas and sprints. <see cref="OneDay"/>: small tasks all changed on one day.
/// </summary>
internal static class FakeAdoGenerator
{
    public static readonly DateTimeOffset Now = new(2026, 11, 20, 12, 0, 0, TimeSpan.Zero);

    private static readonly string[] KeyResults = ["O1-KR1", "O1-KR2", "O2-KR1"];
    private static readonly string[] Verbs = ["Fix", "Add", "Improve", "Remove", "Refactor", "Document", "Speed up", "Harden"];
    private static readonly string[] Things =
        ["login timeout", "onboarding flow", "invoice export", "search ranking", "billing webhook", "cache eviction",
         "dashboard filters", "API pagination", "retry policy", "audit log"];

    private static readonly string[] Levels = ["Epic", "Feature", "User Story", "Task"];

    public static FakeAzureDevOpsData Hierarchy(int seed, string organization, IReadOnlyList<FakeAdoProjectSpec> specs)
    {
        var random = new Random(seed);
        var span = TimeSpan.FromDays(80);
        var data = new FakeAzureDevOpsData(organization, Now - span);
        foreach (var spec in specs)
        {
            data.AddProject(new FakeAdoProject(spec.Name, GuidFor(seed, spec.Name), spec.Process));
        }

        var byLevel = specs.ToDictionary(s => s.Name, _ => Levels.ToDictionary(l => l, _ => new List<int>()), StringComparer.OrdinalIgnoreCase);
        for (var level = 0; level < Levels.Length; level++)
        {
            var type = Levels[level];
            foreach (var spec in specs)
            {
                var count = CountAt(level, spec.Items);
                var areas = new[] { spec.Name, spec.Name + "\\Checkout", spec.Name + "\\Search" };
                for (var k = 0; k < count; k++)
                {
                    // Azure DevOps keeps times to the millisecond.
                    var created = Now - span + TimeSpan.FromMilliseconds(Math.Floor(random.NextDouble() * span.TotalMilliseconds * 0.7));
                    var changed = created + TimeSpan.FromMilliseconds(Math.Floor(random.NextDouble() * (Now - created).TotalMilliseconds));

                    // Round some to the second so that several items share one (WIQL slices must not split them wrongly).
                    if (random.NextDouble() < 0.1)
                    {
                        changed = new DateTimeOffset(changed.Ticks - (changed.Ticks % TimeSpan.TicksPerSecond), TimeSpan.Zero);
                    }

                    var state = PickState(random, spec.Process.StatesOf(type));
                    var category = spec.Process.CategoryOf(type, state);
                    var above = level == 0 ? null : byLevel[spec.Name][Levels[level - 1]];
                    int? parent = above is { Count: > 0 } && random.NextDouble() < 0.92 ? above[random.Next(above.Count)] : null;
                    var item = data.AddGenerated(id => new FakeAdoItem
                    {
                        Id = id,
                        Rev = 1 + random.Next(0, 9),
                        Project = spec.Name,
                        Type = type,
                        Title = $"{Verbs[random.Next(Verbs.Length)]} {Things[random.Next(Things.Length)]}",
                        State = state,
                        AreaPath = areas[random.Next(areas.Length)],
                        IterationPath = $"{spec.Name}\\Sprint {1 + random.Next(6)}",
                        Tags = Tags(random),
                        Parent = parent,
                        StoryPoints = type == "User Story" && random.NextDouble() < 0.7 ? 1 + random.Next(13) : null,
                        Effort = type == "Feature" && random.NextDouble() < 0.5 ? 5 + random.Next(20) : null,
                        Size = type == "Epic" && random.NextDouble() < 0.3 ? 20 + random.Next(80) : null,
                        KeyResult = level <= 1 && random.NextDouble() < 0.2 ? KeyResults[random.Next(KeyResults.Length)] : null,
                        Created = created,
                        Changed = changed,
                        Closed = category is "Resolved" or "Completed" ? changed : null,
                    });
                    byLevel[spec.Name][type].Add(item.Id);
                }
            }
        }

        return data;
    }

    public static FakeAzureDevOpsData OneDay(int seed, string organization, string project, int items, DateOnly day)
    {
        var random = new Random(seed);
        var start = new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        var data = new FakeAzureDevOpsData(organization, start);
        data.AddProject(new FakeAdoProject(project, GuidFor(seed, project), FakeAdoProcess.Agile));
        var step = TimeSpan.FromDays(1).TotalMilliseconds / items;
        for (var k = 0; k < items; k++)
        {
            var changed = start + TimeSpan.FromMilliseconds(Math.Floor(k * step) + random.Next(0, (int)Math.Max(1, step / 2)));
            data.AddGenerated(id => new FakeAdoItem
            {
                Id = id,
                Project = project,
                Type = "Task",
                Title = "t",
                State = "Active",
                AreaPath = project,
                Created = start.AddDays(-30),
                Changed = changed,
            });
        }

        return data;
    }

    // 2% epics, 8% features, 40% stories, the rest tasks; every level has at least one item.
    private static int CountAt(int level, int total) => level switch
    {
        0 => Math.Max(1, total / 50),
        1 => Math.Max(1, total * 8 / 100),
        2 => Math.Max(1, total * 40 / 100),
        _ => Math.Max(0, total - Math.Max(1, total / 50) - Math.Max(1, total * 8 / 100) - Math.Max(1, total * 40 / 100)),
    };

    private static string PickState(Random random, IReadOnlyList<FakeAdoState> states)
    {
        var roll = random.NextDouble();
        return roll switch
        {
            < 0.05 => states[^1].Name,                        // Removed (or its custom name)
            < 0.30 => states[0].Name,                         // New
            _ => states[1 + random.Next(states.Count - 2)].Name,
        };
    }

    private static List<string> Tags(Random random)
    {
        var tags = new List<string>();
        var roll = random.NextDouble();
        if (roll < 0.25)
        {
            tags.Add($"kr:{KeyResults[random.Next(KeyResults.Length)]}");
        }

        if (random.NextDouble() < 0.2)
        {
            tags.Add(random.NextDouble() < 0.5 ? "frontend" : "backend");
        }

        if (random.NextDouble() < 0.05)
        {
            tags.Add("support");
        }

        return tags;
    }

    private static Guid GuidFor(int seed, string name)
    {
        var bytes = new byte[16];
        new Random((seed * 31) + name.Sum(c => c)).NextBytes(bytes); // HashCode is randomized per process
        return new Guid(bytes);
    }
}
