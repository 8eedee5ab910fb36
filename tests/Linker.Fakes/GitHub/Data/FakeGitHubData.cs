using OkrLinker.Fakes.GitHub.Data;

namespace OkrLinker.Fakes;

/// <summary>
/// The fake GitHub's state: one owner with repos, each with issues and pull requests on one number
/// sequence, and one Projects v2 project holding the items that carry a Key Result value. Thread-safe;
/// mutations move the data set's own clock forward so every change gets a strictly newer <c>updated_at</c>.
/// </summary>
public sealed class FakeGitHubData
{
    /// <summary>The default "now" of a data set: 2026-11-20T12:00:00Z.</summary>
    public static readonly DateTimeOffset DefaultNow = new(2026, 11, 20, 12, 0, 0, TimeSpan.Zero);

    private readonly Lock _gate = new();
    private readonly Dictionary<string, FakeGitHubRepoState> _repos = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<long, long> _projectPositions = [];
    private readonly Random _random;
    private DateTimeOffset _now;
    private long _nextId = 1_000_000;
    private long _nextProjectPosition = 1;
    private int _edits;

    public FakeGitHubData(string owner, DateTimeOffset? now = null, int seed = 1)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(owner);
        Owner = owner;
        _now = now ?? DefaultNow;
        _random = new Random(seed);
    }

    public string Owner { get; }

    /// <summary>True: <c>organization(login:)</c> and <c>/orgs/{owner}/repos</c> answer; false: a user account.</summary>
    public bool OwnerIsOrganization { get; init; } = true;

    public int ProjectNumber { get; init; } = 7;

    public string ProjectTitle { get; init; } = "OKR Key Results";

    /// <summary>The project field that holds the KR id.</summary>
    public string KeyResultField { get; init; } = "Key Result";

    /// <summary>True: the field is single-select (<c>ProjectV2ItemFieldSingleSelectValue.name</c>); false: text.</summary>
    public bool KeyResultIsSingleSelect { get; init; } = true;

    /// <summary>The data set's clock: the time of the latest change.</summary>
    public DateTimeOffset Now
    {
        get
        {
            lock (_gate)
            {
                return _now;
            }
        }
    }

    public IReadOnlyList<FakeGitHubRepo> Repos
    {
        get
        {
            lock (_gate)
            {
                return _repos.Values.Select(state => state.Repo).OrderBy(repo => repo.Id).ToList();
            }
        }
    }

    /// <summary>How many items (issues and pull requests) exist now.</summary>
    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _repos.Values.Sum(state => state.Items.Count);
            }
        }
    }

    /// <summary>A deterministic data set: same arguments, same items, ids, numbers and timestamps.</summary>
    public static FakeGitHubData Generate(
        int seed, string owner, IReadOnlyList<string> repos, int itemsPerRepo, FakeGitHubGeneration? shape = null)
    {
        shape ??= new FakeGitHubGeneration();
        var data = new FakeGitHubData(owner, shape.Now, seed);
        FakeGitHubGenerator.Fill(data, new Random(seed), repos, itemsPerRepo, shape);
        return data;
    }

    /// <summary>Moves the clock forward (the next change is stamped after it).</summary>
    public DateTimeOffset Advance(TimeSpan by)
    {
        lock (_gate)
        {
            _now += by;
            return _now;
        }
    }

    public FakeGitHubRepo AddRepo(string name, bool archived = false, bool isPrivate = false)
    {
        lock (_gate)
        {
            var repo = new FakeGitHubRepo(name, 500_000 + _repos.Count + 1, archived, isPrivate);
            _repos.Add(name, new FakeGitHubRepoState(repo));
            return repo;
        }
    }

    public void SetArchived(string repo, bool archived)
    {
        lock (_gate)
        {
            var state = RepoOf(repo);
            state.Repo = state.Repo with { Archived = archived };
        }
    }

    /// <summary>
    /// Creates an issue (or pull request) stamped at the next tick; <paramref name="shape"/> may set any field
    /// but the identity (repo, id, node id, number).
    /// </summary>
    public FakeGitHubItem Add(
        string repo, string title, bool pullRequest = false, Func<FakeGitHubItem, FakeGitHubItem>? shape = null)
    {
        lock (_gate)
        {
            var at = Tick();
            return AddLocked(repo, title, pullRequest, at, shape);
        }
    }

    /// <summary>Adds <paramref name="count"/> open, unassigned issues titled "New issue N".</summary>
    public IReadOnlyList<FakeGitHubItem> AddIssues(string repo, int count)
    {
        var added = new List<FakeGitHubItem>(count);
        for (var i = 0; i < count; i++)
        {
            added.Add(Add(repo, $"New issue {i + 1}"));
        }

        return added;
    }

    /// <summary>Edits <paramref name="count"/> items picked by the data set's seeded random (see <see cref="Edit(string, int[])"/>).</summary>
    public IReadOnlyList<FakeGitHubItem> Edit(int count)
    {
        List<FakeGitHubItem> picked;
        lock (_gate)
        {
            var all = _repos.Values.SelectMany(state => state.Items.Values).OrderBy(item => item.Id).ToList();
            picked = all.OrderBy(_ => _random.Next()).Take(count).ToList();
        }

        return picked.Select(item => Edit(item.Repo, item.Number)[0]).ToList();
    }

    /// <summary>
    /// Changes title, labels (toggles <c>edited</c>) and state (issues open ↔ closed; open pull requests get
    /// merged) and bumps <c>updated_at</c> to a strictly newer tick.
    /// </summary>
    public IReadOnlyList<FakeGitHubItem> Edit(string repo, params int[] numbers) =>
        numbers.Select(number => Update(repo, number, EditOnce)).ToList();

    /// <summary>Applies <paramref name="change"/> and stamps <c>updated_at</c> with the next tick.</summary>
    public FakeGitHubItem Update(string repo, int number, Func<FakeGitHubItem, FakeGitHubItem> change)
    {
        lock (_gate)
        {
            var state = RepoOf(repo);
            var item = ItemOf(state, number);
            var at = Tick();
            var changed = change(item with { UpdatedAt = at }) with
            {
                Repo = item.Repo, Id = item.Id, NodeId = item.NodeId, Number = item.Number, UpdatedAt = at,
            };
            state.Items[number] = changed;
            return changed;
        }
    }

    /// <summary>
    /// Called after a page of a repo's issue list is worked out and before it is answered, with the repo, the
    /// <c>sort</c> and the page number: a test changes the data there to act in the middle of a read.
    /// </summary>
    public Action<string, string, int>? AfterIssuesListed { get; set; }

    /// <summary>Deletes an item: gone from lists, and its URL answers 410 Gone.</summary>
    public void Delete(string repo, int number)
    {
        lock (_gate)
        {
            var state = RepoOf(repo);
            var item = ItemOf(state, number);
            state.Items.Remove(number);
            state.Deleted.Add(number);
            _projectPositions.Remove(item.Id);
        }
    }

    /// <summary>
    /// Transfers an issue: the old URL answers 301 to the new one, which has a new number and id in
    /// <paramref name="toRepo"/>; the project keeps the item at its place.
    /// </summary>
    public FakeGitHubItem Transfer(string repo, int number, string toRepo)
    {
        lock (_gate)
        {
            var from = RepoOf(repo);
            var item = ItemOf(from, number);
            if (item.IsPullRequest)
            {
                throw new InvalidOperationException($"{item.Key} is a pull request; only issues can be transferred.");
            }

            var at = Tick();
            var moved = AddLocked(toRepo, item.Title, pullRequest: false, at, fresh => item with
            {
                Repo = fresh.Repo, Id = fresh.Id, NodeId = fresh.NodeId, Number = fresh.Number,
                UpdatedAt = at, ParentNumber = null,
            });
            from.Items.Remove(number);
            from.Moved[number] = (moved.Repo, moved.Number);
            if (_projectPositions.Remove(item.Id, out var position))
            {
                _projectPositions[moved.Id] = position;
            }

            return moved;
        }
    }

    /// <summary>
    /// Puts the item in the project (if it is not there yet) with <paramref name="value"/> as its Key Result;
    /// null clears the value. Changes neither <c>updated_at</c> nor the clock: GitHub does not (trap 11).
    /// </summary>
    public FakeGitHubItem SetProjectField(string repo, int number, string? value)
    {
        lock (_gate)
        {
            var state = RepoOf(repo);
            var item = ItemOf(state, number) with { InProject = true, KeyResult = value };
            state.Items[number] = item;
            _projectPositions.TryAdd(item.Id, _nextProjectPosition++);
            return item;
        }
    }

    /// <summary>Takes the item out of the project; like a field change, this does not bump <c>updated_at</c>.</summary>
    public void RemoveFromProject(string repo, int number)
    {
        lock (_gate)
        {
            var state = RepoOf(repo);
            var item = ItemOf(state, number);
            state.Items[number] = item with { InProject = false, KeyResult = null };
            _projectPositions.Remove(item.Id);
        }
    }

    /// <summary>The repo's labels: those created in it and those its items carry, by name.</summary>
    public IReadOnlyList<string> LabelsOf(string repo)
    {
        lock (_gate)
        {
            var state = RepoOf(repo);
            return state.Labels.Concat(state.Items.Values.SelectMany(i => i.Labels))
                .Distinct(StringComparer.OrdinalIgnoreCase).Order(StringComparer.Ordinal).ToList();
        }
    }

    /// <summary>Creates a label in the repo; false when one of that name (any case) exists.</summary>
    internal bool CreateLabel(string repo, string name)
    {
        lock (_gate)
        {
            var state = RepoOf(repo);
            return !state.Items.Values.Any(i => i.Labels.Contains(name, StringComparer.OrdinalIgnoreCase)) && state.Labels.Add(name);
        }
    }

    /// <summary>The item now at <paramref name="repo"/>#<paramref name="number"/>, or null.</summary>
    public FakeGitHubItem? Find(string repo, int number)
    {
        lock (_gate)
        {
            return _repos.TryGetValue(repo, out var state) ? state.Items.GetValueOrDefault(number) : null;
        }
    }

    /// <summary>Every current item (deleted and transferred-away ones excluded), by repo then number.</summary>
    public IReadOnlyList<FakeGitHubItem> Snapshot()
    {
        lock (_gate)
        {
            return _repos.Values.OrderBy(state => state.Repo.Id).SelectMany(state => state.Items.Values).ToList();
        }
    }

    internal FakeGitHubRepo? RepoNamed(string name)
    {
        lock (_gate)
        {
            return _repos.TryGetValue(name, out var state) ? state.Repo : null;
        }
    }

    /// <summary>A repo's current items (a copy), or null when there is no such repo.</summary>
    internal List<FakeGitHubItem>? ItemsOf(string repo)
    {
        lock (_gate)
        {
            return _repos.TryGetValue(repo, out var state) ? state.Items.Values.ToList() : null;
        }
    }

    internal FakeGitHubLookup Lookup(string repo, int number)
    {
        lock (_gate)
        {
            if (!_repos.TryGetValue(repo, out var state))
            {
                return new FakeGitHubLookup.NoRepo();
            }

            if (state.Items.TryGetValue(number, out var item))
            {
                return new FakeGitHubLookup.Found(item);
            }

            if (state.Moved.TryGetValue(number, out var to))
            {
                return new FakeGitHubLookup.Moved(to.Repo, to.Number);
            }

            return state.Deleted.Contains(number) ? new FakeGitHubLookup.Deleted() : new FakeGitHubLookup.Missing();
        }
    }

    /// <summary>The project's items in project order.</summary>
    internal List<(long Position, FakeGitHubItem Item)> ProjectItems()
    {
        lock (_gate)
        {
            return _repos.Values.SelectMany(state => state.Items.Values)
                .Where(item => item.InProject && _projectPositions.ContainsKey(item.Id))
                .Select(item => (_projectPositions[item.Id], item))
                .OrderBy(entry => entry.Item1)
                .ToList();
        }
    }

    internal FakeGitHubItem? FindByNodeId(string nodeId)
    {
        lock (_gate)
        {
            return _repos.Values.SelectMany(state => state.Items.Values).FirstOrDefault(item => item.NodeId == nodeId);
        }
    }

    /// <summary>Used by the generator: an item with explicit timestamps, no clock tick.</summary>
    internal FakeGitHubItem AddGenerated(string repo, string title, bool pullRequest, DateTimeOffset createdAt, Func<FakeGitHubItem, FakeGitHubItem> shape)
    {
        lock (_gate)
        {
            return AddLocked(repo, title, pullRequest, createdAt, shape);
        }
    }

    private FakeGitHubItem AddLocked(
        string repo, string title, bool pullRequest, DateTimeOffset at, Func<FakeGitHubItem, FakeGitHubItem>? shape)
    {
        var state = RepoOf(repo);
        var id = ++_nextId;
        var fresh = new FakeGitHubItem
        {
            Repo = state.Repo.Name,
            Id = id,
            NodeId = FakeNodeIds.For(pullRequest, id),
            Number = state.NextNumber++,
            Title = title,
            IsPullRequest = pullRequest,
            CreatedAt = at,
            UpdatedAt = at,
        };
        var item = shape is null ? fresh : shape(fresh) with
        {
            Repo = fresh.Repo, Id = fresh.Id, NodeId = fresh.NodeId, Number = fresh.Number, IsPullRequest = pullRequest,
        };
        state.Items.Add(item.Number, item);
        if (item.InProject && !_projectPositions.ContainsKey(item.Id))
        {
            _projectPositions[item.Id] = _nextProjectPosition++;
        }

        return item;
    }

    private FakeGitHubItem EditOnce(FakeGitHubItem item)
    {
        var edit = Interlocked.Increment(ref _edits);
        var cut = item.Title.IndexOf(" (edit ", StringComparison.Ordinal);
        var title = $"{(cut < 0 ? item.Title : item.Title[..cut])} (edit {edit})";
        var labels = item.Labels.Contains("edited") ? item.Labels.Where(label => label != "edited").ToList() : [.. item.Labels, "edited"];
        var at = item.UpdatedAt;
        if (item.IsPullRequest)
        {
            return item.State == "open"
                ? item with { Title = title, Labels = labels, State = "closed", ClosedAt = at, MergedAt = at }
                : item with { Title = title, Labels = labels };
        }

        return item.State == "open"
            ? item with { Title = title, Labels = labels, State = "closed", StateReason = "completed", ClosedAt = at }
            : item with { Title = title, Labels = labels, State = "open", StateReason = "reopened", ClosedAt = null };
    }

    private DateTimeOffset Tick()
    {
        _now = _now.AddSeconds(1);
        return _now;
    }

    private FakeGitHubRepoState RepoOf(string repo) =>
        _repos.TryGetValue(repo, out var state)
            ? state
            : throw new KeyNotFoundException($"The fake has no repo '{Owner}/{repo}'.");

    private static FakeGitHubItem ItemOf(FakeGitHubRepoState state, int number) =>
        state.Items.TryGetValue(number, out var item)
            ? item
            : throw new KeyNotFoundException($"{state.Repo.Name}#{number} does not exist (now).");
}
