using System.Globalization;

namespace OkrLinker.Samples;

/// <summary>Acme's quarter: who works on what, and where each item stands on 2026-11-22.</summary>
internal sealed partial class Story(Rng rng)
{
    private static readonly Person Mara = new("Mara Lindqvist", "mlindqvist", "mara.lindqvist@acme.example", "712020:5b7c0a3e-31d2-4f0e-9a53-0c6b1e2f7d41", "3f2a9c1e-6b4d-4e8a-9c21-7d5e0f1a2b31", 48213377);
    private static readonly Person Lukas = new("Lukas Brandt", "lbrandt", "lukas.brandt@acme.example", "712020:9d1e4f27-8a63-45c1-b0e2-5f4a3c2d1e90", "8b1c2d3e-4f50-4a61-8b72-9c0d1e2f3a42", 51177024);
    private static readonly Person Chloe = new("Chloé Dubois", "cdubois", "chloe.dubois@acme.example", "712020:2c8f6b19-4e7d-4a3b-9f10-6e5d4c3b2a18", "c4d5e6f7-0819-4a2b-9c3d-4e5f60718293", 60342118);
    private static readonly Person Tobi = new("Tobi Okafor", "tokafor", "tobi.okafor@acme.example", "712020:7e3d2c1b-0a9f-4e8d-8c7b-6a5f4e3d2c1b", "1a2b3c4d-5e6f-4071-8293-a4b5c6d7e8f9", 39921504);
    private static readonly Person Priya = new("Priya Raman", "praman", "priya.raman@acme.example", "712020:4b5a6978-3c2d-4e1f-a0b9-c8d7e6f5a4b3", "9f8e7d6c-5b4a-4392-8170-6f5e4d3c2b1a", 44587230);
    private static readonly Person Amir = new("Amir Haddad", "ahaddad", "amir.haddad@acme.example", "712020:d1c2b3a4-9e8f-4d7c-b6a5-948372615a0b", "5e6f7081-92a3-4b4c-9d5e-6f708192a3b4", 57720391);
    private static readonly Person Jun = new("Jun Park", "jun-park", "jun.park@acme.example", "712020:0f1e2d3c-4b5a-4697-8877-665544332211", "2b3c4d5e-6f70-4182-93a4-b5c6d7e8f901", 36651987);
    private static readonly Person Sofia = new("Sofia Marino", "sofia-marino", "sofia.marino@acme.example", "712020:a9b8c7d6-e5f4-4a3b-9c2d-1e0f9a8b7c6d", "7c8d9e0f-1a2b-4c3d-8e4f-5a6b7c8d9e0f", 42290875);
    private static readonly Person Kenji = new("Kenji Watanabe", "kwatanabe", "kenji.watanabe@acme.example", "712020:6e5d4c3b-2a19-4f8e-8d7c-6b5a49382716", "0a1b2c3d-4e5f-4607-8192-a3b4c5d6e7f8", 33018842);
    public static readonly Person Dependabot = new("dependabot[bot]", "dependabot[bot]", "", "", "", 49699333);

    private static readonly Person[] Growth = [Mara, Lukas, Chloe];
    private static readonly Person[] Payments = [Tobi, Priya, Amir];
    private static readonly Person[] Web = [Jun, Sofia, Kenji];

    public Rng Rng { get; } = rng;

    public List<Item> Items { get; } = [];

    public void Build()
    {
        JiraGrowth();
        JiraPayments();
        AdoOnboarding();
        AdoCheckout();
        GitHubWeb();
        GitHubDesignSystem();
        GitHubCrossReferences();
        Validate();
    }

    // ---------------------------------------------------------------- building blocks

    private static Action<Item, Rng> Decorate(string? component, params string[] extraLabels) => (item, r) =>
    {
        item.Component ??= component;
        if (extraLabels.Length > 0 && r.Chance(0.4))
        {
            item.Labels.Add(r.Pick(extraLabels));
        }
    };

    private static Action<Item, Rng> TechDebt(string? component) => (item, r) =>
    {
        item.Component = component;
        item.Labels.Add("tech-debt");
        if (item.Kind is "Story" or "Task" or "User Story")
        {
            item.Points = r.Pick<double>([3, 5, 5, 8]);
        }
    };

    private Item Add(Src source, string scope, string kind, string title, Plan plan, Item? parent, Person[] team, bool container = false)
    {
        var item = new Item
        {
            Source = source,
            Scope = scope,
            Kind = kind,
            Title = title,
            Plan = plan,
            Parent = parent,
            Author = Rng.Pick(team),
            IsContainer = container || kind is "Epic" or "Feature",
        };
        parent?.Children.Add(item);
        item.Points = DefaultPoints(kind);
        if (plan is Plan.InProgress or Plan.DoneInWeek or Plan.DoneEarlier || (plan == Plan.ToDo && source != Src.GitHub && Rng.Chance(0.2)))
        {
            item.Assignee = Rng.Pick(team);
        }

        Stamp(item);
        Items.Add(item);
        return item;
    }

    private double? DefaultPoints(string kind) => kind switch
    {
        "Story" or "User Story" => Rng.Pick<double>([1, 2, 2, 3, 3, 3, 5, 5, 8]),
        "Task" => Rng.Chance(0.5) ? Rng.Pick<double>([1, 2, 3]) : null,
        "Bug" => Rng.Chance(0.4) ? Rng.Pick<double>([1, 2]) : null,
        _ => null,
    };

    private List<Item> Group(Src source, string scope, string kind, Item? parent, string plans, Person[] team, string[] titles, Action<Item, Rng>? shape = null)
    {
        var planList = ParsePlans(plans);
        if (planList.Count != titles.Length)
        {
            throw new InvalidOperationException($"{plans} has {planList.Count} plans for {titles.Length} titles ({titles[0]})");
        }

        Rng.Shuffle(planList);
        var made = new List<Item>();
        for (var i = 0; i < titles.Length; i++)
        {
            var item = Add(source, scope, kind, titles[i], planList[i], parent, team);
            shape?.Invoke(item, Rng);
            made.Add(item);
        }

        return made;
    }

    private static readonly string[] SubTaskTitles =
    [
        "Write unit tests",
        "Update the API contract",
        "QA on iOS Safari",
        "Add analytics events",
        "Code review follow-ups",
        "Update the help-centre article",
        "Accessibility check",
        "Rollout config behind a feature flag",
        "Translate copy",
    ];

    // Sub-tasks hang under the earliest in-progress stories, so done sub-tasks fit their parents' dates.
    private void SubTasks(string project, List<Item> stories, string plans, Person[] team)
    {
        var parents = EarlyParents(stories);
        var planList = ParsePlans(plans);
        Rng.Shuffle(planList);
        for (var i = 0; i < planList.Count; i++)
        {
            var parent = parents[i % parents.Count];
            Add(Src.Jira, project, "Sub-task", SubTaskTitles[i % SubTaskTitles.Length], planList[i], parent, team);
        }
    }

    private void AdoTasks(string area, List<Item> stories, string plans, Person[] team, string[] titles)
    {
        var parents = EarlyParents(stories);
        var planList = ParsePlans(plans);
        Rng.Shuffle(planList);
        for (var i = 0; i < planList.Count; i++)
        {
            Add(Src.Ado, area, "Task", titles[i], planList[i], parents[i % parents.Count], team);
        }
    }

    // The two earliest in-progress stories, moved back to October when needed, so that their done
    // sub-tasks fit between the story's start and the report week.
    private List<Item> EarlyParents(List<Item> stories)
    {
        var parents = stories.Where(s => s.Plan == Plan.InProgress).OrderBy(s => s.Created).Take(2).ToList();
        var latest = Calendar.Utc(2026, 10, 16, 17, 0);
        foreach (var parent in parents.Where(p => p.Created > latest))
        {
            var low = parent.Parent is null ? Calendar.Start : parent.Parent.Created.AddHours(3);
            parent.Created = Calendar.Draw(Rng, low, latest);
        }

        return parents;
    }

    private static List<Plan> ParsePlans(string plans)
    {
        var list = new List<Plan>();
        foreach (var part in plans.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var plan = part[0] switch
            {
                'T' => Plan.ToDo,
                'P' => Plan.InProgress,
                'W' => Plan.DoneInWeek,
                'E' => Plan.DoneEarlier,
                'R' => Plan.Removed,
                _ => throw new InvalidOperationException($"unknown plan letter in {part}"),
            };
            list.AddRange(Enumerable.Repeat(plan, int.Parse(part[1..], CultureInfo.InvariantCulture)));
        }

        return list;
    }

    // Created / updated / resolved consistent with the plan, the parent and the export moment.
    private void Stamp(Item item)
    {
        var parent = item.Parent;
        var low = parent is null ? Calendar.Start : parent.Created.AddHours(3);
        var container = item.IsContainer;
        var createdHigh = item.Plan switch
        {
            _ when container => parent is null ? Calendar.Utc(2026, 9, 4, 18, 0) : parent.Created.AddDays(12),
            Plan.ToDo => Calendar.Utc(2026, 11, 21, 17, 0),
            Plan.InProgress => Calendar.Utc(2026, 11, 20, 17, 0),
            Plan.DoneInWeek => Calendar.Utc(2026, 11, 18, 17, 0),
            Plan.DoneEarlier => Calendar.Utc(2026, 11, 6, 17, 0),
            _ => Calendar.Utc(2026, 11, 12, 17, 0),
        };
        if (parent?.Resolved is { } parentDone)
        {
            createdHigh = Calendar.Min(createdHigh, parentDone.AddDays(-3));
        }

        if (!container)
        {
            // Pull requests live days, not months; stories finished this week mostly started this autumn.
            var pr = item.Kind == "PullRequest";
            var earliest = item.Plan switch
            {
                Plan.DoneInWeek => pr ? Calendar.WeekStart.AddDays(-9) : Calendar.Utc(2026, 10, 1, 8, 0),
                Plan.InProgress when pr => Calendar.Utc(2026, 11, 2, 8, 0),
                Plan.InProgress when Rng.Chance(0.7) => Calendar.Utc(2026, 9, 21, 8, 0),
                _ => low,
            };
            low = Calendar.Max(low, Calendar.Min(earliest, createdHigh.AddDays(-2)));
        }

        item.Created = Calendar.Draw(Rng, low, createdHigh);
        var export = Calendar.Export;
        switch (item.Plan)
        {
            case Plan.ToDo:
                item.Updated = Calendar.Draw(Rng, item.Created, Calendar.Min(item.Created.AddDays(12), export));
                break;
            case Plan.InProgress:
                item.Updated = Rng.Chance(0.8)
                    ? Calendar.Draw(Rng, Calendar.Max(item.Created, Calendar.Utc(2026, 11, 12, 8, 0)), export)
                    : Calendar.Draw(Rng, item.Created, Calendar.Min(item.Created.AddDays(9), export));
                break;
            case Plan.DoneInWeek:
                item.Resolved = Calendar.Draw(Rng, Calendar.Max(item.Created.AddHours(6), Calendar.WeekStart.AddHours(7)), export.AddMinutes(-40));
                item.Updated = Calendar.Min(item.Resolved.Value.AddMinutes(Rng.Int(0, 90)), export);
                break;
            case Plan.DoneEarlier:
            {
                var high = Calendar.Min(item.Created.AddDays(container ? 60 : item.Kind == "PullRequest" ? 8 : 24), Calendar.WeekStart.AddHours(-30));
                if (parent?.Resolved is { } parentResolved)
                {
                    high = Calendar.Min(high, parentResolved.AddHours(-1));
                }

                var lowResolved = item.Created.AddHours(container ? 24 * 30 : item.Kind == "PullRequest" ? 2 : 20);
                item.Resolved = Calendar.Draw(Rng, Calendar.Min(lowResolved, high), high);
                item.Updated = item.Resolved.Value.AddMinutes(Rng.Int(0, 180));
                break;
            }

            default:
                item.Updated = Calendar.Draw(Rng, item.Created.AddDays(1), Calendar.Min(item.Created.AddDays(30), Calendar.Utc(2026, 11, 21, 12, 0)));
                item.Resolved = item.Updated;
                break;
        }

        if (item.Source == Src.Ado && item.Plan == Plan.DoneEarlier && item.Kind is "User Story" or "Bug" && Rng.Chance(0.2))
        {
            item.StopsAtResolved = true;
        }
    }

    // The plans promise buckets; fail loudly if a date came out on the wrong side of a boundary.
    private void Validate()
    {
        foreach (var item in Items)
        {
            var ok = item.Created >= Calendar.Start.AddDays(-3) && item.Updated >= item.Created && item.Updated <= Calendar.Export
                && (item.Parent is null || item.Created > item.Parent.Created)
                && item.Plan switch
                {
                    Plan.DoneInWeek => item.Resolved >= Calendar.WeekStart && item.Resolved < Calendar.WeekEnd,
                    Plan.DoneEarlier => item.Resolved < Calendar.WeekStart && item.Resolved > item.Created,
                    Plan.Removed => item.Resolved is not null,
                    _ => item.Resolved is null,
                };
            if (!ok)
            {
                throw new InvalidOperationException($"dates break the plan for {item.Source} {item.Title}: {item.Plan} {item.Created:o} {item.Updated:o} {item.Resolved:o}");
            }
        }
    }
}
