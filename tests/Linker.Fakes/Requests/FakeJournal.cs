namespace OkrLinker.Fakes;

/// <summary>What a fake tracker answered (or dropped), in arrival order; each fake keeps its own kind of entry. Thread-safe.</summary>
public class FakeJournal<TEntry>
{
    private readonly Lock _gate = new();
    private readonly List<TEntry> _entries = [];

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
    public IReadOnlyList<TEntry> All
    {
        get
        {
            lock (_gate)
            {
                return [.. _entries];
            }
        }
    }

    public IReadOnlyList<TEntry> Where(Func<TEntry, bool> predicate)
    {
        lock (_gate)
        {
            return _entries.Where(predicate).ToList();
        }
    }

    public void Clear()
    {
        lock (_gate)
        {
            _entries.Clear();
        }
    }

    internal void Add(TEntry entry)
    {
        lock (_gate)
        {
            _entries.Add(entry);
        }
    }
}
