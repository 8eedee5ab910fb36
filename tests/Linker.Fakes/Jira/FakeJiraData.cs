using System.Globalization;

namespace OkrLinker.Fakes.Jira;

/// <summary>
/// The fake's tracker state: issues of several projects (epics, stories, sub-tasks), and the changes a test
/// makes between syncs (edits, creations, deletions, moves). What it holds is what a sync must end up with.
/// Thread-safe; every read returns copies.
/// </summary>
public sealed class FakeJiraData
{
    private static readonly string[] Krs = ["O1-KR1", "O1-KR2", "O2-KR1", "O2-KR2", "O3-KR1"];
    private static readonly string[] Components = ["Checkout", "Onboarding", "Search", "Billing"];

    private readonly Lock gate = new();
    private readonly Dictionary<long, FakeJiraIssue> issues = [];
    private readonly HashSet<long> deleted = [];
    private readonly Dictionary<string, int> lastNumber = new(StringComparer.Ordinal);
    private readonly TimeProvider clock;
    private long lastId = 10000;

    public FakeJiraData(IEnumerable<string> projects, TimeProvider? clock = null)
    {
        this.clock = clock ?? TimeProvider.System;
        foreach (var project in projects)
        {
            lastNumber[project] = 0;
        }
    }

    public IReadOnlyList<string> Projects
    {
        get
        {
            lock (gate)
            {
                return [.. lastNumber.Keys];
            }
        }
    }

    public int Count
    {
        get
        {
            lock (gate)
            {
                return issues.Count;
            }
        }
    }

    /// <summary>Every live issue, by id.</summary>
    public IReadOnlyList<FakeJiraIssue> Issues
    {
        get
        {
            lock (gate)
            {
                return [.. issues.Values.OrderBy(i => i.Id)];
            }
        }
    }

    /// <summary>The ids of deleted issues (a sync must mark them Removed).</summary>
    public IReadOnlyCollection<long> DeletedIds
    {
        get
        {
            lock (gate)
            {
                return [.. deleted];
            }
        }
    }

    /// <summary>
    /// <paramref name="count"/> issues spread over <paramref name="projects"/>: one epic in twenty, stories under
    /// the epics, sub-tasks under the stories; created over the last 200 days (some pairs in the same millisecond),
    /// updated since, the newest an hour before <paramref name="clock"/>'s now.
    /// </summary>
    public static FakeJiraData Generate(int seed, IReadOnlyList<string> projects, int count, TimeProvider? clock = null)
    {
        var data = new FakeJiraData(projects, clock);
        var random = new Random(seed);
        var now = data.clock.GetUtcNow();
        var start = now.AddDays(-200);
        var step = (now.AddHours(-2) - start) / Math.Max(1, count);
        var epics = projects.ToDictionary(p => p, _ => new List<long>());
        var stories = projects.ToDictionary(p => p, _ => new List<long>());
        var created = start;
        for (var i = 0; i < count; i++)
        {
            var project = projects[i % projects.Count];
            // Every 37th issue shares its predecessor's millisecond, so paging must break ties by key.
            created = i % 37 == 36 ? created : start + (step * i) + TimeSpan.FromMilliseconds(random.Next(0, 1000));
            var type = epics[project].Count == 0 || i % 20 == 0 ? FakeJiraIssue.Epic
                : stories[project].Count == 0 || random.Next(3) > 0 ? FakeJiraIssue.Story
                : FakeJiraIssue.SubTask;
            long? parent = type switch
            {
                FakeJiraIssue.Story => epics[project][random.Next(epics[project].Count)],
                FakeJiraIssue.SubTask => stories[project][random.Next(stories[project].Count)],
                _ => null,
            };
            var updated = created + TimeSpan.FromMinutes(random.Next(0, 60 * 24 * 20));
            if (updated > now.AddHours(-1))
            {
                updated = now.AddHours(-1).AddSeconds(-random.Next(0, 3600));
            }

            var issue = data.Add(project, type, $"{type} {i} of {project}", parent, created, updated, random);
            (type == FakeJiraIssue.Epic ? epics : type == FakeJiraIssue.Story ? stories : null)?[project].Add(issue.Id);
        }

        return data;
    }

    /// <summary>A new issue, created and updated now.</summary>
    public FakeJiraIssue Create(string project, string type, string summary, long? parentId = null)
    {
        var now = clock.GetUtcNow();
        return Add(project, type, summary, parentId, now, now, new Random(summary.GetHashCode(StringComparison.Ordinal)));
    }

    /// <summary>Changes an issue and sets its <c>updated</c> to now.</summary>
    public FakeJiraIssue Edit(long id, Func<FakeJiraIssue, FakeJiraIssue> change)
    {
        lock (gate)
        {
            var edited = change(issues[id]) with { Updated = Millis(clock.GetUtcNow()) };
            issues[id] = edited;
            return edited;
        }
    }

    /// <summary>Deletes an issue (and, as Jira does, its sub-tasks).</summary>
    public void Delete(long id)
    {
        lock (gate)
        {
            foreach (var child in issues.Values.Where(i => i.ParentId == id && i.Type == FakeJiraIssue.SubTask).ToList())
            {
                issues.Remove(child.Id);
                deleted.Add(child.Id);
            }

            issues.Remove(id);
            deleted.Add(id);
        }
    }

    /// <summary>Moves an issue to <paramref name="project"/>: same id, a new key there; its sub-tasks move with it.</summary>
    /// <param name="touch">Set <c>updated</c> to now, as Jira does; false plays a move no incremental read can see.</param>
    public FakeJiraIssue Move(long id, string project, bool touch = true)
    {
        lock (gate)
        {
            var now = touch ? Millis(clock.GetUtcNow()) : issues[id].Updated;
            foreach (var child in issues.Values.Where(i => i.ParentId == id && i.Type == FakeJiraIssue.SubTask).ToList())
            {
                issues[child.Id] = child with { Project = project, Key = NextKey(project), Updated = touch ? now : child.Updated };
            }

            var moved = issues[id] with { Project = project, Key = NextKey(project), Updated = now };
            issues[id] = moved;
            return moved;
        }
    }

    public FakeJiraIssue Get(long id)
    {
        lock (gate)
        {
            return issues[id];
        }
    }

    public FakeJiraIssue? Find(long id)
    {
        lock (gate)
        {
            return issues.GetValueOrDefault(id);
        }
    }

    private FakeJiraIssue Add(string project, string type, string summary, long? parentId, DateTimeOffset created, DateTimeOffset updated, Random random)
    {
        lock (gate)
        {
            var (status, category) = (random.Next(10)) switch
            {
                < 3 => ("To Do", "new"),
                < 6 => ("In Progress", "indeterminate"),
                _ => ("Done", "done"),
            };
            var kr = random.Next(4) == 0 ? Krs[random.Next(Krs.Length)] : null;
            var labels = random.Next(5) == 0 ? new[] { "kr:" + Krs[random.Next(Krs.Length)] } : random.Next(4) == 0 ? ["support"] : [];
            var issue = new FakeJiraIssue(
                ++lastId,
                NextKey(project),
                project,
                type,
                summary,
                status,
                category,
                labels,
                random.Next(3) == 0 ? [Components[random.Next(Components.Length)]] : [],
                parentId,
                type == FakeJiraIssue.SubTask || random.Next(5) == 0 ? null : random.Next(1, 9),
                kr,
                Millis(created),
                Millis(updated),
                category == "done" ? Millis(updated) : null);
            issues[issue.Id] = issue;
            return issue;
        }
    }

    // Jira keeps milliseconds; so does the fake, or its JQL comparisons would see what its JSON cannot show.
    private static DateTimeOffset Millis(DateTimeOffset at) => DateTimeOffset.FromUnixTimeMilliseconds(at.ToUnixTimeMilliseconds());

    private string NextKey(string project)
    {
        lastNumber[project] = lastNumber.GetValueOrDefault(project) + 1;
        return project + "-" + lastNumber[project].ToString(CultureInfo.InvariantCulture);
    }
}
