namespace OkrLinker.Fakes;

/// <summary>
/// Queued faults per route pattern (see <see cref="FakeRoute"/>). Rules are tried in the order they were
/// added; the first that matches and fires decides. Thread-safe.
/// </summary>
public sealed class FakeFaults
{
    private readonly Lock _gate = new();
    private readonly List<Rule> _rules = [];

    /// <summary>Injects <paramref name="fault"/> into the next <paramref name="times"/> requests matching <paramref name="route"/>.</summary>
    public void Add(string route, FakeFault fault, int times = 1) => Add(route, fault, times, after: 0);

    /// <summary>As <see cref="Add(string, FakeFault, int)"/>, once <paramref name="after"/> matching requests were served as usual.</summary>
    public void Add(string route, FakeFault fault, int times, int after)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(times);
        ArgumentOutOfRangeException.ThrowIfNegative(after);
        lock (_gate)
        {
            _rules.Add(new Rule(route, fault, times, 1, null) { Skip = after });
        }
    }

    /// <summary>Injects <paramref name="fault"/> into each matching request with <paramref name="probability"/>, drawn from a Random seeded with <paramref name="seed"/>.</summary>
    public void AddRandom(string route, FakeFault fault, double probability, int seed = 1)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(probability);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(probability, 1);
        lock (_gate)
        {
            _rules.Add(new Rule(route, fault, int.MaxValue, probability, new Random(seed)));
        }
    }

    /// <summary>How many counted injections are still queued (random rules not included).</summary>
    public int Pending
    {
        get
        {
            lock (_gate)
            {
                return _rules.Where(rule => rule.Random is null).Sum(rule => rule.Remaining);
            }
        }
    }

    public void Clear()
    {
        lock (_gate)
        {
            _rules.Clear();
        }
    }

    /// <summary>The fault for this request, if any; a counted rule is used up by it.</summary>
    internal FakeFault? Take(string method, string path)
    {
        lock (_gate)
        {
            foreach (var rule in _rules)
            {
                if (rule.Remaining <= 0 || !FakeRoute.Matches(rule.Route, method, path))
                {
                    continue;
                }

                if (rule.Random is { } random && random.NextDouble() >= rule.Probability)
                {
                    continue;
                }

                if (rule.Skip > 0)
                {
                    rule.Skip--;
                    continue;
                }

                rule.Remaining--;
                return rule.Fault;
            }

            _rules.RemoveAll(rule => rule.Remaining <= 0);
            return null;
        }
    }

    private sealed class Rule(string route, FakeFault fault, int remaining, double probability, Random? random)
    {
        public string Route { get; } = route;

        public FakeFault Fault { get; } = fault;

        public int Remaining { get; set; } = remaining;

        /// <summary>Matching requests still to let through before the fault fires.</summary>
        public int Skip { get; set; }

        public double Probability { get; } = probability;

        public Random? Random { get; } = random;
    }
}
