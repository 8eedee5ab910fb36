namespace OkrLinker.Fakes;

/// <summary>
/// The fake collection's state: projects with their processes, live work items, and the recycle bin.
/// Every change (edit, creation, deletion, move) takes the next change time, a little after the newest
/// one so far, so a change is always newer than anything a client has read. Thread-safe.
/// </summary>
public sealed class FakeAzureDevOpsData
{
    /// <summary>The gap between two consecutive changes: not a whole second, so milliseconds matter.</summary>
    private static readonly TimeSpan ChangeStep = TimeSpan.FromMilliseconds(1_237);

    private readonly Lock _gate = new();
    private readonly Dictionary<int, FakeAdoItem> _items = [];
    private readonly Dictionary<int, FakeAdoDeleted> _recycleBin = [];
    private readonly List<FakeAdoProject> _projects = [];
    private DateTimeOffset _latest;
    private int _nextId = 1;

    public FakeAzureDevOpsData(string organization, DateTimeOffset start)
    {
        Organization = organization;
        _latest = start;
    }

    /// <summary>The organization (cloud) or collection (Server) name: the first path segment.</summary>
    public string Organization { get; }

    public IReadOnlyList<FakeAdoProject> Projects
    {
        get
        {
            lock (_gate)
            {
                return [.. _projects];
            }
        }
    }

    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _items.Count;
            }
        }
    }

    /// <summary>The newest change time handed out so far.</summary>
    public DateTimeOffset Latest
    {
        get
        {
            lock (_gate)
            {
                return _latest;
            }
        }
    }

    /// <summary>5,000 work items by default: "Shop" (Agile, 3,000) and "Mobile" (a custom process, 2,000).</summary>
    public static FakeAzureDevOpsData Generate(int seed, IReadOnlyList<FakeAdoProjectSpec>? projects = null, string organization = "acme") =>
        FakeAdoGenerator.Hierarchy(seed, organization, projects ?? DefaultProjects);

    /// <summary>
    /// <paramref name="items"/> small work items of one project, all changed on <paramref name="day"/> (UTC),
    /// spread evenly over it: more than WIQL's 20,000 cap in a day.
    /// </summary>
    public static FakeAzureDevOpsData GenerateOneDay(int seed, string project, int items, DateOnly day, string organization = "acme") =>
        FakeAdoGenerator.OneDay(seed, organization, project, items, day);

    public static IReadOnlyList<FakeAdoProjectSpec> DefaultProjects { get; } =
        [new("Shop", 3000, FakeAdoProcess.Agile), new("Mobile", 2000, FakeAdoProcess.Custom)];

    public FakeAdoProject? Project(string name)
    {
        lock (_gate)
        {
            return _projects.FirstOrDefault(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase));
        }
    }

    public IReadOnlyList<FakeAdoItem> Snapshot()
    {
        lock (_gate)
        {
            return [.. _items.Values.OrderBy(i => i.Id)];
        }
    }

    public FakeAdoItem? Find(int id)
    {
        lock (_gate)
        {
            return _items.GetValueOrDefault(id);
        }
    }

    public IReadOnlyList<FakeAdoDeleted> RecycleBin()
    {
        lock (_gate)
        {
            return [.. _recycleBin.Values.OrderBy(d => d.Item.Id)];
        }
    }

    /// <summary>Applies <paramref name="change"/> as one save: the revision goes up and the change time moves on.</summary>
    public FakeAdoItem Edit(int id, Func<FakeAdoItem, FakeAdoItem> change)
    {
        ArgumentNullException.ThrowIfNull(change);
        lock (_gate)
        {
            var before = _items.TryGetValue(id, out var found) ? found : throw new KeyNotFoundException($"No work item {id}.");
            var after = change(before) with { Id = id, Rev = before.Rev + 1, Changed = NextChangeLocked() };
            _items[id] = after;
            return after;
        }
    }

    /// <summary>A new work item in <paramref name="project"/> (its root area and first sprint unless given).</summary>
    public FakeAdoItem Create(string project, string type, string title, string state = "New", Func<FakeAdoItem, FakeAdoItem>? shape = null)
    {
        lock (_gate)
        {
            var at = NextChangeLocked();
            var item = new FakeAdoItem
            {
                Id = _nextId++,
                Project = project,
                Type = type,
                Title = title,
                State = state,
                AreaPath = project,
                IterationPath = project + "\\Sprint 1",
                Created = at,
                Changed = at,
            };
            item = (shape?.Invoke(item) ?? item) with { Id = item.Id, Rev = 1, Changed = at };
            _items[item.Id] = item;
            return item;
        }
    }

    /// <summary>Moves a work item to the recycle bin: WIQL and workitemsbatch no longer return it.</summary>
    public void Delete(int id)
    {
        lock (_gate)
        {
            if (!_items.Remove(id, out var item))
            {
                throw new KeyNotFoundException($"No work item {id}.");
            }

            _recycleBin[id] = new FakeAdoDeleted(item, NextChangeLocked());
        }
    }

    /// <summary>Moves a work item to another project, as "Move to team project" does: root area and iteration of the target.</summary>
    public FakeAdoItem Move(int id, string project) =>
        Edit(id, item => item with { Project = project, AreaPath = project, IterationPath = project });

    internal void AddProject(FakeAdoProject project)
    {
        lock (_gate)
        {
            _projects.Add(project);
        }
    }

    /// <summary>Adds a generated item with the next id; its times are kept as given.</summary>
    internal FakeAdoItem AddGenerated(Func<int, FakeAdoItem> build)
    {
        lock (_gate)
        {
            var item = build(_nextId++);
            _items[item.Id] = item;
            if (item.Changed > _latest)
            {
                _latest = item.Changed;
            }

            return item;
        }
    }

    private DateTimeOffset NextChangeLocked()
    {
        _latest += ChangeStep;
        return _latest;
    }
}
