using OkrLinker.Core.Okrs;

namespace OkrLinker.Core.Linking;

/// <summary>
/// The KR ids the linker can resolve: those of the current period (with their okrs.yaml spelling and
/// file order) and those of ended periods. Lookups are case-insensitive (DESIGN.md §4).
/// </summary>
internal sealed class KrCatalog
{
    private const int MaxSuggestionDistance = 2;

    private readonly Dictionary<string, KnownKr> _current = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, string> _pastPeriodById = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<string> _currentIds = [];

    public KrCatalog(OkrSet okrs)
    {
        PeriodName = okrs.Period.Name;
        foreach (var kr in okrs.KeyResults)
        {
            if (_current.TryAdd(kr.Id.Trim(), new KnownKr(kr.Id, _currentIds.Count)))
            {
                _currentIds.Add(kr.Id);
            }
        }

        foreach (var past in okrs.PastPeriods)
        {
            foreach (var id in past.KeyResultIds)
            {
                _pastPeriodById.TryAdd(id.Trim(), past.Name);
            }
        }
    }

    public string PeriodName { get; }

    /// <summary>Comma-separated ids of the current period, for error messages.</summary>
    public string CurrentIdList => string.Join(", ", _currentIds);

    public KnownKr? Find(string id) => _current.TryGetValue(id.Trim(), out var known) ? known : null;

    /// <summary>The name of the ended period that had this KR, or null.</summary>
    public string? PastPeriodOf(string id) => _pastPeriodById.TryGetValue(id.Trim(), out var name) ? name : null;

    /// <summary>The current KR id nearest to <paramref name="id"/> within edit distance 2; ties go to file order.</summary>
    public string? Closest(string id)
    {
        string? best = null;
        var bestDistance = MaxSuggestionDistance + 1;
        foreach (var known in _currentIds)
        {
            var distance = EditDistance.IgnoringCase(id.Trim(), known);
            if (distance < bestDistance)
            {
                best = known;
                bestDistance = distance;
            }
        }

        return best;
    }

    /// <summary>A current KR: <see cref="Id"/> as okrs.yaml spells it, <see cref="Order"/> its place in the file.</summary>
    internal sealed record KnownKr(string Id, int Order);
}
