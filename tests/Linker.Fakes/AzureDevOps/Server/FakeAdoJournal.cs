namespace OkrLinker.Fakes;

/// <summary>Every request the fake Azure DevOps answered (or dropped), in arrival order. Thread-safe.</summary>
public sealed class FakeAdoJournal
{
    private readonly Lock _gate = new();
    private readonly List<FakeAdoRequest> _entries = [];

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

    public IReadOnlyList<FakeAdoRequest> All
    {
        get
        {
            lock (_gate)
            {
                return [.. _entries];
            }
        }
    }

    /// <summary>The entries of one kind (<c>wiql</c>, <c>batch</c>, <c>states</c>, …).</summary>
    public IReadOnlyList<FakeAdoRequest> OfKind(string kind)
    {
        lock (_gate)
        {
            return _entries.Where(e => e.Kind == kind).ToList();
        }
    }

    public void Clear()
    {
        lock (_gate)
        {
            _entries.Clear();
        }
    }

    internal void Add(FakeAdoRequest entry)
    {
        lock (_gate)
        {
            _entries.Add(entry);
        }
    }
}
