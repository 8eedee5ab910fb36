namespace OkrLinker.Fakes;

/// <summary>Every request the fake answered (or dropped), in arrival order. Thread-safe.</summary>
public sealed class FakeRequestLog
{
    private readonly Lock _gate = new();
    private readonly List<FakeRequest> _entries = [];

    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _entries.Count;
            }
        }
    }

    /// <summary>A copy of all entries.</summary>
    public IReadOnlyList<FakeRequest> All
    {
        get
        {
            lock (_gate)
            {
                return [.. _entries];
            }
        }
    }

    public IReadOnlyList<FakeRequest> Where(Func<FakeRequest, bool> predicate)
    {
        lock (_gate)
        {
            return _entries.Where(predicate).ToList();
        }
    }

    /// <summary>The entries whose method and path match a route pattern (see <see cref="FakeRoute"/>).</summary>
    public IReadOnlyList<FakeRequest> Matching(string route) =>
        Where(entry => FakeRoute.Matches(route, entry.Method, FakeGitHubPaths.Normalize(entry.Path)));

    public void Clear()
    {
        lock (_gate)
        {
            _entries.Clear();
        }
    }

    internal void Add(FakeRequest entry)
    {
        lock (_gate)
        {
            _entries.Add(entry);
        }
    }
}
