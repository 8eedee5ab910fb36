namespace OkrLinker.Fakes;

/// <summary>
/// One rate-limit resource of the token (<c>core</c> or <c>graphql</c>): a budget per fixed window that
/// refills when the clock passes <see cref="ResetAt"/>. Thread-safe.
/// </summary>
public sealed class FakeRateBudget
{
    private readonly Lock _gate = new();
    private readonly TimeSpan _window;
    private readonly TimeProvider _clock;
    private int _used;
    private DateTimeOffset _resetAt;

    internal FakeRateBudget(string resource, int limit, TimeSpan window, TimeProvider clock)
    {
        Resource = resource;
        Limit = limit;
        _window = window;
        _clock = clock;
        _resetAt = WholeSeconds(clock.GetUtcNow() + window);
    }

    public string Resource { get; }

    public int Limit { get; }

    public int Used
    {
        get
        {
            lock (_gate)
            {
                Roll();
                return _used;
            }
        }
    }

    public int Remaining => Math.Max(0, Limit - Used);

    public DateTimeOffset ResetAt
    {
        get
        {
            lock (_gate)
            {
                Roll();
                return _resetAt;
            }
        }
    }

    /// <summary>Uses up the whole budget: the next counted request gets the rate-limit answer until the reset.</summary>
    public void Exhaust()
    {
        lock (_gate)
        {
            Roll();
            _used = Limit;
        }
    }

    /// <summary>Starts a fresh window now.</summary>
    public void Refill()
    {
        lock (_gate)
        {
            _used = 0;
            _resetAt = WholeSeconds(_clock.GetUtcNow() + _window);
        }
    }

    internal bool TryConsume(int cost)
    {
        lock (_gate)
        {
            Roll();
            if (_used + cost > Limit)
            {
                return false;
            }

            _used += cost;
            return true;
        }
    }

    internal (int Limit, int Remaining, int Used, DateTimeOffset ResetAt) Peek()
    {
        lock (_gate)
        {
            Roll();
            return (Limit, Math.Max(0, Limit - _used), _used, _resetAt);
        }
    }

    private void Roll()
    {
        var now = _clock.GetUtcNow();
        if (now >= _resetAt)
        {
            _used = 0;
            _resetAt = WholeSeconds(now + _window);
        }
    }

    private static DateTimeOffset WholeSeconds(DateTimeOffset time) => DateTimeOffset.FromUnixTimeSeconds(time.ToUnixTimeSeconds());
}
