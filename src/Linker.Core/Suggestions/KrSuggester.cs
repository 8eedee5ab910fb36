using System.Runtime.CompilerServices;
using OkrLinker.Core.Configuration;
using OkrLinker.Core.Linking;
using OkrLinker.Core.Okrs;

namespace OkrLinker.Core.Suggestions;

/// <summary>
/// Suggests the KRs an unlinked item probably serves (issue 16), from what the store already holds: the KRs its
/// siblings (same parent) and cousins (same grandparent) serve, those of the items it names and that name it, those
/// of its team's recent work, and how much its title and body resemble each KR's title and items' titles
/// (<see cref="TextIndex"/>). Each signal gives a strength in [0, 1] per KR; the score combines them as a noisy OR,
/// <c>1 − Π(1 − weight × strength)</c>, so every signal can only raise it and it stays in [0, 1]. Scores are rounded
/// to three places and ties go to the KR that comes first in okrs.yaml, so the same store gives the same words.
/// Build once per run (every index is made here); <see cref="For"/> then costs only the item's neighbourhood.
/// Not thread-safe: the group tallies are cached as they are first asked for (<c>For(int, Tallies)</c> takes a cache of
/// the caller's own).
/// </summary>
public sealed class KrSuggester
{
    /// <summary>At most this many KRs per item.</summary>
    public const int MaxSuggestions = 3;

    /// <summary>How far back the team's "recent work" reaches from the run's end.</summary>
    public static readonly TimeSpan RecentWork = TimeSpan.FromDays(28);

    private const double MinScore = 0.01;
    private const double SiblingWeight = 0.9;
    private const double CousinWeight = 0.6;
    private const double ReferencesWeight = 0.8;
    private const double ReferencedByWeight = 0.7;
    private const double TextWeight = 0.8;
    private const double TeamWeight = 0.4;
    private const int KeysShown = 3;

    private static readonly int[] NoKrs = [];

    private readonly LinkedItems _items;
    private readonly string[] _krIds;
    private readonly int[][] _krsOf;
    private readonly int[] _parents;
    private readonly bool[] _gone;
    private readonly int[] _childStart;
    private readonly int[] _children;
    private readonly ReferenceGraph _references;
    private readonly int[] _referrerStart;
    private readonly int[] _referrers;
    private readonly Dictionary<string, SignalTally> _teamRecent = new(StringComparer.OrdinalIgnoreCase);
    private readonly TextIndex _text;
    private readonly Tallies _tallies = new();
    private readonly DateTimeOffset _recentUntil;
    private readonly UnlinkedKeys _unlinked;

    /// <param name="linking">Every stored item, linked (the report's or <c>suggest</c>'s own linking run).</param>
    /// <param name="linkingOptions"><c>Linking</c>: its reference patterns, when <paramref name="linking"/> carries no graphs.</param>
    /// <param name="recentUntil">The end of the team's recent work window (the report week's end).</param>
    public KrSuggester(LinkingResult linking, OkrSet okrs, LinkingOptions linkingOptions, DateTimeOffset recentUntil)
    {
        ArgumentNullException.ThrowIfNull(linking);
        ArgumentNullException.ThrowIfNull(okrs);
        ArgumentNullException.ThrowIfNull(linkingOptions);

        _items = LinkedItems.Of(linking.Items);
        _recentUntil = recentUntil;
        var krs = okrs.KeyResults.ToList();
        _krIds = [.. krs.Select(k => k.Id)];
        var krIndex = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        for (var k = 0; k < krs.Count; k++)
        {
            krIndex.TryAdd(krs[k].Id.Trim(), k);
        }

        var count = _items.Count;
        _krsOf = new int[count][];
        _gone = new bool[count];
        var recentFrom = recentUntil - RecentWork;
        var parents = linking.Graphs is { } graphs && graphs.Parents is not null ? graphs.Parents : new ParentGraph([.. linking.Items.Select(l => l.Item)]);
        _references = linking.Graphs?.References ?? new ReferenceGraph([.. linking.Items.Select(l => l.Item)], ReferencePatterns.Compile(linkingOptions));
        _parents = new int[count];
        // Each item's children (and referrers) as runs of one array: counted per item, summed into where each run ends,
        // then filled from the last item back so each run's end walks down to its start and the runs keep item order.
        var childEnds = new int[count + 1];
        var referrerEnds = new int[count + 1];
        _text = new TextIndex(krs.Count);
        _unlinked = new UnlinkedKeys(_items);
        Scan(_items, krIndex, recentFrom, recentUntil, parents, childEnds, referrerEnds);

        _childStart = Ends(childEnds);
        _referrerStart = Ends(referrerEnds);
        _children = new int[_childStart[count]];
        _referrers = new int[_referrerStart[count]];
        Fill();
        _text.Complete([.. krs.Select(k => k.Title)]);
        _unlinked.Complete();
    }

    // Everything the index needs of each item, in one pass over the million of them (each read of an item is a cache
    // miss or two): the KRs it serves, its team's recent work, its parent, how many children and referrers each item
    // has, and its title's words. Fully optimized from the first call, as it runs once per report.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Scan(
        LinkedItems items, Dictionary<string, int> krIndex, DateTimeOffset recentFrom, DateTimeOffset recentUntil, ParentGraph parents,
        int[] childEnds, int[] referrerEnds)
    {
        // The linker shares one links list among the items one decision linked (a tagged item's children): one KR
        // array for each list, not one for each of the items.
        var krsOfLinks = new Dictionary<IReadOnlyList<ItemLink>, int[]>(ReferenceEqualityComparer.Instance);
        IReadOnlyList<ItemLink>? lastLinks = null;
        var lastKrs = NoKrs;
        string? lastTeam = null;
        SignalTally? lastTally = null;
        for (var i = 0; i < items.Count; i++)
        {
            var item = items.ItemAt(i);
            var gone = item.GoneAt is not null;
            var links = items.LinksAt(i);
            int[] krs;
            if (gone || links.Count == 0)
            {
                krs = NoKrs;
            }
            else if (ReferenceEquals(links, lastLinks))
            {
                krs = lastKrs;
            }
            else
            {
                krs = SharedKrIndices(links, krIndex, krsOfLinks);
                (lastLinks, lastKrs) = (links, krs);
            }

            _krsOf[i] = krs;
            if (krs.Length > 0 && item.Updated >= recentFrom && item.Updated < recentUntil)
            {
                var teamName = item.Team;
                if (!ReferenceEquals(teamName, lastTeam) || lastTally is null)
                {
                    if (!_teamRecent.TryGetValue(teamName, out lastTally))
                    {
                        _teamRecent.Add(teamName, lastTally = new SignalTally(_krIds.Length));
                    }

                    lastTeam = teamName;
                }

                lastTally.Add(krs);
            }

            if (items.BucketAt(i) == Bucket.Unlinked)
            {
                _unlinked.Add(i, item.Key);
            }

            var parent = parents.ParentOf(i) ?? -1;
            _parents[i] = parent;
            if (gone)
            {
                _gone[i] = true;
                continue;
            }

            if (parent >= 0)
            {
                childEnds[parent]++;
            }

            var references = _references.Of(i);
            for (var r = 0; r < references.Count; r++)
            {
                if (references[r].Target is { } target)
                {
                    referrerEnds[target]++;
                }
            }

            _text.AddTitle(item.Title, krs);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Fill()
    {
        for (var i = _parents.Length - 1; i >= 0; i--)
        {
            if (_gone[i])
            {
                continue;
            }

            if (_parents[i] >= 0)
            {
                _children[--_childStart[_parents[i]]] = i;
            }

            var references = _references.Of(i);
            for (var r = references.Count - 1; r >= 0; r--)
            {
                if (references[r].Target is { } target)
                {
                    _referrers[--_referrerStart[target]] = i;
                }
            }
        }
    }

    /// <summary>The suggestions for the item at <paramref name="index"/> of the linking result, best first; empty when nothing points anywhere.</summary>
    public IReadOnlyList<KrSuggestion> For(int index) => For(index, _tallies);

    /// <summary>
    /// As <see cref="For(int)"/>, with the group tallies cached in <paramref name="tallies"/> (<see cref="NewTallies"/>):
    /// callers on two threads each pass their own, and then share nothing they change (the index is only read).
    /// </summary>
    internal IReadOnlyList<KrSuggestion> For(int index, Tallies tallies)
    {
        // By KR index: a handful of KRs, read in okrs.yaml order.
        var candidates = new Candidate?[_krIds.Length];
        var own = _krsOf[index];
        AddGroupSignals(index, own, candidates, tallies);
        AddReferenceSignals(index, candidates);
        AddTextSignal(index, candidates);
        AddTeamSignal(index, own, candidates);

        // The best few by score, ties to the KR first in okrs.yaml: each goes after those it does not beat.
        var best = new List<(int Kr, double Score)>(MaxSuggestions + 1);
        for (var kr = 0; kr < candidates.Length; kr++)
        {
            if (candidates[kr] is not { } candidate)
            {
                continue;
            }

            var score = Math.Round(1 - candidate.Miss, 3, MidpointRounding.AwayFromZero);
            if (score < MinScore)
            {
                continue;
            }

            var at = best.Count;
            while (at > 0 && best[at - 1].Score < score)
            {
                at--;
            }

            if (at < MaxSuggestions)
            {
                best.Insert(at, (kr, score));
                if (best.Count > MaxSuggestions)
                {
                    best.RemoveAt(MaxSuggestions);
                }
            }
        }

        var suggestions = new KrSuggestion[best.Count];
        for (var n = 0; n < suggestions.Length; n++)
        {
            suggestions[n] = new KrSuggestion(_krIds[best[n].Kr], best[n].Score, candidates[best[n].Kr]!.Evidence);
        }

        return suggestions;
    }

    /// <summary>The index of the unlinked item with this source and key, or null when there is none.</summary>
    public int? UnlinkedIndexOf(string source, string key) => _unlinked.Find(source, key);

    /// <summary>An empty cache of group tallies for <see cref="For(int, Tallies)"/> on another thread.</summary>
    internal static Tallies NewTallies() => new();

    private void AddGroupSignals(int index, int[] own, Candidate?[] candidates, Tallies tallies)
    {
        var parent = _parents[index];
        if (parent < 0 || parent == index)
        {
            return;
        }

        var siblings = ChildTally(parent, tallies.Children);
        var self = _gone[index] ? 0 : 1;
        var siblingCount = siblings.Total - self;
        for (var kr = 0; kr < _krIds.Length; kr++)
        {
            var serving = siblings.PerKr[kr] - (self == 1 && own.Contains(kr) ? 1 : 0);
            if (serving > 0)
            {
                Add(candidates, kr, SiblingWeight, (double)serving / siblingCount,
                    $"{serving} of {siblingCount} {Plural(siblingCount, "sibling")} under {_items.ItemAt(parent).Key} {Serve(serving)} {_krIds[kr]}");
            }
        }

        var grandparent = _parents[parent];
        if (grandparent < 0 || grandparent == index || grandparent == parent)
        {
            return;
        }

        var grandchildren = GrandchildTally(grandparent, tallies.Grandchildren);
        var cousinCount = grandchildren.Total - siblings.Total;
        for (var kr = 0; kr < _krIds.Length && cousinCount > 0; kr++)
        {
            var serving = grandchildren.PerKr[kr] - siblings.PerKr[kr];
            if (serving > 0)
            {
                Add(candidates, kr, CousinWeight, (double)serving / cousinCount,
                    $"{serving} of {cousinCount} {Plural(cousinCount, "cousin")} under {_items.ItemAt(grandparent).Key} {Serve(serving)} {_krIds[kr]}");
            }
        }
    }

    private void AddReferenceSignals(int index, Candidate?[] candidates)
    {
        var named = _references.Of(index)
            .Where(r => r.Target is { } t && t != index && !_gone[t])
            .Select(r => r.Target!.Value)
            .Distinct()
            .ToList();
        AddNeighbours(named, "references", ReferencesWeight, candidates);

        var naming = new List<int>();
        for (var at = _referrerStart[index]; at < _referrerStart[index + 1]; at++)
        {
            if (_referrers[at] != index && !naming.Contains(_referrers[at]))
            {
                naming.Add(_referrers[at]);
            }
        }

        AddNeighbours(naming, "referenced by", ReferencedByWeight, candidates);
    }

    private void AddNeighbours(List<int> neighbours, string relation, double weight, Candidate?[] candidates)
    {
        if (neighbours.Count == 0)
        {
            return;
        }

        for (var kr = 0; kr < _krIds.Length; kr++)
        {
            var serving = neighbours.Where(n => _krsOf[n].Contains(kr)).Select(n => _items.ItemAt(n).Key).ToList();
            if (serving.Count > 0)
            {
                var more = serving.Count > KeysShown ? $" and {serving.Count - KeysShown} more" : "";
                Add(candidates, kr, weight, (double)serving.Count / neighbours.Count,
                    $"{relation} {string.Join(", ", serving.Take(KeysShown))}{more}, which {Serve(serving.Count)} {_krIds[kr]}");
            }
        }
    }

    private void AddTextSignal(int index, Candidate?[] candidates)
    {
        foreach (var match in _text.Match(_items.ItemAt(index)))
        {
            var shown = match.Words.Take(KeysShown).ToList();
            var words = string.Join(", ", shown.Select(w => $"\"{w.Surface}\" ({Where(w)})"));
            var subject = shown.All(w => w.InItemTitle) ? "title shares" : "title and body share";
            Add(candidates, match.Kr, TextWeight, match.Cosine, $"{subject} {words} with {_krIds[match.Kr]}");
        }
    }

    private void AddTeamSignal(int index, int[] own, Candidate?[] candidates)
    {
        var item = _items.ItemAt(index);
        if (!_teamRecent.TryGetValue(item.Team, out var team))
        {
            return;
        }

        // The item itself is left out if it is among the team's recent linked work.
        var self = own.Length > 0 && IsCountedRecent(index) ? 1 : 0;
        var total = team.Total - self;
        for (var kr = 0; kr < _krIds.Length && total > 0; kr++)
        {
            var serving = team.PerKr[kr] - (self == 1 && own.Contains(kr) ? 1 : 0);
            if (serving > 0)
            {
                Add(candidates, kr, TeamWeight, (double)serving / total,
                    $"{serving} of {total} linked {Plural(total, "item")} of team {item.Team} updated in the last {RecentWork.Days / 7} weeks {Serve(serving)} {_krIds[kr]}");
            }
        }
    }

    private bool IsCountedRecent(int index) =>
        _items.ItemAt(index) is { GoneAt: null } item && item.Updated >= _recentUntil - RecentWork && item.Updated < _recentUntil;

    private SignalTally ChildTally(int parent, Dictionary<int, SignalTally> cache)
    {
        if (!cache.TryGetValue(parent, out var tally))
        {
            tally = new SignalTally(_krIds.Length);
            for (var at = _childStart[parent]; at < _childStart[parent + 1]; at++)
            {
                tally.Add(_krsOf[_children[at]]);
            }

            cache.Add(parent, tally);
        }

        return tally;
    }

    private SignalTally GrandchildTally(int grandparent, Dictionary<int, SignalTally> cache)
    {
        if (!cache.TryGetValue(grandparent, out var tally))
        {
            tally = new SignalTally(_krIds.Length);
            for (var at = _childStart[grandparent]; at < _childStart[grandparent + 1]; at++)
            {
                var child = _children[at];
                for (var below = _childStart[child]; below < _childStart[child + 1]; below++)
                {
                    tally.Add(_krsOf[_children[below]]);
                }
            }

            cache.Add(grandparent, tally);
        }

        return tally;
    }

    private static void Add(Candidate?[] candidates, int kr, double weight, double strength, string evidence)
    {
        var candidate = candidates[kr] ??= new Candidate();

        candidate.Miss *= 1 - (weight * Math.Clamp(strength, 0, 1));
        candidate.Evidence.Add(evidence);
    }

    // Counts per item (the last entry 0) summed into the end of each item's run in a compressed list; the last entry
    // becomes the total, which stays the end of the last run once filling has moved every other entry to its run's start.
    private static int[] Ends(int[] counts)
    {
        for (var i = 1; i < counts.Length - 1; i++)
        {
            counts[i] += counts[i - 1];
        }

        counts[^1] = counts.Length > 1 ? counts[^2] : 0;
        return counts;
    }

    private static int[] SharedKrIndices(IReadOnlyList<ItemLink> links, Dictionary<string, int> krIndex, Dictionary<IReadOnlyList<ItemLink>, int[]> known)
    {
        ref var krs = ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(known, links, out _);
        return krs ??= KrIndices(links, krIndex);
    }

    private static int[] KrIndices(IReadOnlyList<ItemLink> links, Dictionary<string, int> krIndex)
    {
        if (links.Count == 1)
        {
            return krIndex.TryGetValue(links[0].KrId.Trim(), out var only) ? [only] : NoKrs;
        }

        return [.. links.Select(l => krIndex.TryGetValue(l.KrId.Trim(), out var k) ? k : -1).Where(k => k >= 0).Distinct().Order()];
    }

    private static string Where(SharedWord word) =>
        (word.InKrTitle, word.Items) switch
        {
            (true, 0) => "KR title",
            (true, var n) => $"KR title, {n} {Plural(n, "item")}",
            (false, var n) => $"{n} {Plural(n, "item")}",
        };

    private static string Plural(int count, string noun) => count == 1 ? noun : noun + "s";

    private static string Serve(int count) => count == 1 ? "serves" : "serve";

    /// <summary>The tallies of the groups asked for so far (each item's siblings and cousins), by parent and grandparent.</summary>
    internal sealed class Tallies
    {
        public Dictionary<int, SignalTally> Children { get; } = [];

        public Dictionary<int, SignalTally> Grandchildren { get; } = [];
    }

    private sealed class Candidate
    {
        public double Miss { get; set; } = 1;

        public List<string> Evidence { get; } = [];
    }
}
