using System.Runtime.CompilerServices;
using OkrLinker.Core.Items;
using OkrLinker.Core.Linking;

namespace OkrLinker.Core.Suggestions;

/// <summary>
/// The text signal: TF-IDF over the titles of every stored item, one profile per KR made of its title and the
/// titles of the items that serve it; an item's title and body are compared with each profile by cosine. Built
/// once per run; a query reads only the KRs that share a word with the item.
/// </summary>
internal sealed class TextIndex
{
    private const double BodyWeight = 0.5;
    private const double KrTitleWeight = 2;

    private readonly Dictionary<string, int> _terms = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _lookup;
    private readonly int _krCount;
    private int[] _df = new int[256];
    private int _termCount;
    private int _documents;
    // The last document each term was counted for, by term.
    private int[] _lastDocument = new int[256];
    // How many of each KR's items have each word, at term × KRs + KR: an array, not a dictionary of a few million
    // updates (a million titles).
    private int[] _itemsByTermKr;
    private KrTerm[]?[] _postings = [];
    private double[] _krNorms = [];

    /// <summary>An index to add every stored item's title to (<see cref="AddTitle"/>), then <see cref="Complete"/>.</summary>
    /// <param name="krCount">How many KRs okrs.yaml has.</param>
    public TextIndex(int krCount)
    {
        _lookup = _terms.GetAlternateLookup<ReadOnlySpan<char>>();
        _krCount = krCount;
        _itemsByTermKr = new int[64 * Math.Max(krCount, 1)];
    }

    /// <summary>Counts the next stored item's title (gone items' titles do not count), the items in their list's order.</summary>
    /// <param name="krs">The KR indices the item serves.</param>
    /// <remarks>
    /// Fully optimized from the first call: the suggester's one pass over a million items calls it for each, in a
    /// process that lives a few seconds, and first-tier code tokenized most of the titles (docs/benchmarks.md).
    /// </remarks>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void AddTitle(string title, int[] krs)
    {
        var document = _documents++;
        Span<char> buffer = stackalloc char[TextTokens.MaxLength];
        var position = 0;
        while (TextTokens.Next(title, ref position, buffer, out _, out var length))
        {
            var term = IdOf(buffer[..length]);
            if (_lastDocument[term] == document)
            {
                continue;
            }

            _lastDocument[term] = document;
            _df[term]++;
            if (krs.Length == 0)
            {
                continue;
            }

            if ((term + 1) * _krCount > _itemsByTermKr.Length)
            {
                Array.Resize(ref _itemsByTermKr, Math.Max(_itemsByTermKr.Length * 2, (term + 1) * _krCount));
            }

            foreach (var kr in krs)
            {
                _itemsByTermKr[(term * _krCount) + kr]++;
            }
        }
    }

    /// <summary>Makes each KR's profile once every title was added.</summary>
    /// <param name="krTitles">Each KR's title, in okrs.yaml order.</param>
    public void Complete(IReadOnlyList<string> krTitles)
    {
        var krCount = _krCount;
        Span<char> buffer = stackalloc char[TextTokens.MaxLength];
        var inKrTitle = new HashSet<long>();
        for (var kr = 0; kr < krCount; kr++)
        {
            var position = 0;
            while (TextTokens.Next(krTitles[kr], ref position, buffer, out _, out var length))
            {
                inKrTitle.Add(((long)IdOf(buffer[..length]) * krCount) + kr);
            }
        }

        var itemsByTermKr = _itemsByTermKr;
        var postings = new List<KrTerm>?[_termCount];
        for (var term = 0; term < postings.Length; term++)
        {
            for (var kr = 0; kr < krCount; kr++)
            {
                var at = (term * krCount) + kr;
                var serving = at < itemsByTermKr.Length ? itemsByTermKr[at] : 0;
                var inTitle = inKrTitle.Count > 0 && inKrTitle.Contains(((long)term * krCount) + kr);
                if (serving > 0 || inTitle)
                {
                    (postings[term] ??= []).Add(new KrTerm(kr, serving, inTitle, 0));
                }
            }
        }

        _itemsByTermKr = [];
        _lastDocument = [];
        _postings = new KrTerm[]?[_termCount];
        _krNorms = new double[krCount];
        for (var term = 0; term < postings.Length; term++)
        {
            if (postings[term] is not { } list || Idf(term) is not { } idf)
            {
                continue;
            }

            _postings[term] = [.. list.OrderBy(p => p.Kr).Select(p => p with { Weight = idf * (p.Items > 0 ? 1 + Math.Log(p.Items) : 0) + (p.InKrTitle ? idf * KrTitleWeight : 0) })];
            foreach (var posting in _postings[term]!)
            {
                _krNorms[posting.Kr] += posting.Weight * posting.Weight;
            }
        }

        for (var kr = 0; kr < krCount; kr++)
        {
            _krNorms[kr] = Math.Sqrt(_krNorms[kr]);
        }
    }

    /// <summary>Each KR whose profile shares a word with the item's title or body, with the cosine and the shared words.</summary>
    public IReadOnlyList<TextMatch> Match(WorkItem item)
    {
        var query = new Dictionary<int, (double Weight, string Surface, bool InTitle)>();
        Read(item.Title, 1, inTitle: true, query);
        Read(item.Body, BodyWeight, inTitle: false, query);
        if (query.Count == 0)
        {
            return [];
        }

        var queryNorm = Math.Sqrt(query.Values.Sum(q => q.Weight * q.Weight));
        var dots = new Dictionary<int, double>();
        var shared = new Dictionary<int, List<SharedWord>>();
        foreach (var (term, q) in query)
        {
            foreach (var posting in _postings[term]!)
            {
                var contribution = q.Weight * posting.Weight;
                dots[posting.Kr] = dots.GetValueOrDefault(posting.Kr) + contribution;
                if (!shared.TryGetValue(posting.Kr, out var words))
                {
                    shared.Add(posting.Kr, words = []);
                }

                words.Add(new SharedWord(q.Surface, posting.Items, posting.InKrTitle, q.InTitle, contribution));
            }
        }

        return
        [
            .. dots.OrderBy(d => d.Key).Select(d => new TextMatch(
                d.Key,
                Math.Min(1, d.Value / (queryNorm * _krNorms[d.Key])),
                [.. shared[d.Key].OrderByDescending(w => w.Contribution).ThenBy(w => w.Surface, StringComparer.Ordinal)])),
        ];
    }

    private void Read(string? text, double weight, bool inTitle, Dictionary<int, (double Weight, string Surface, bool InTitle)> query)
    {
        if (string.IsNullOrEmpty(text))
        {
            return;
        }

        Span<char> buffer = stackalloc char[TextTokens.MaxLength];
        var position = 0;
        while (TextTokens.Next(text, ref position, buffer, out var start, out var length))
        {
            if (_lookup.TryGetValue(buffer[..length], out var term) && _postings[term] is not null && !query.ContainsKey(term))
            {
                query.Add(term, (Idf(term)!.Value * weight, text.Substring(start, length), inTitle));
            }
        }
    }

    // Words in more than half the titles say nothing about one KR; a word no title has (only a KR's) weighs most.
    private double? Idf(int term)
    {
        var idf = Math.Log((_documents + 1.0) / (_df[term] + 1.0));
        return idf > Math.Log(2) ? idf : null;
    }

    private int IdOf(ReadOnlySpan<char> word)
    {
        if (!_lookup.TryGetValue(word, out var id))
        {
            id = _termCount++;
            _lookup[word] = id;
            if (id == _df.Length)
            {
                Array.Resize(ref _df, _df.Length * 2);
                Array.Resize(ref _lastDocument, _df.Length);
            }

            _lastDocument[id] = -1;
        }

        return id;
    }

    /// <param name="Items">How many of the KR's items have the word in their titles.</param>
    private readonly record struct KrTerm(int Kr, int Items, bool InKrTitle, double Weight);
}
