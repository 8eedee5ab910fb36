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
    private readonly List<int> _df = [];
    private readonly int _documents;
    private readonly KrTerm[]?[] _postings;
    private readonly double[] _krNorms;

    /// <param name="items">Every stored item; the titles of gone ones do not count.</param>
    /// <param name="krsOf">The KR indices each item serves, by item.</param>
    /// <param name="krTitles">Each KR's title, in okrs.yaml order.</param>
    public TextIndex(IReadOnlyList<LinkedItem> items, IReadOnlyList<int[]> krsOf, IReadOnlyList<string> krTitles)
    {
        _lookup = _terms.GetAlternateLookup<ReadOnlySpan<char>>();
        var krCount = krTitles.Count;
        var lastDocument = new List<int>();

        // How many of each KR's items have each word, at term × KRs + KR: an array, not a dictionary of a few million
        // updates (a million titles).
        var itemsByTermKr = new int[64 * Math.Max(krCount, 1)];
        Span<char> buffer = stackalloc char[TextTokens.MaxLength];
        for (var i = 0; i < items.Count; i++)
        {
            var item = items[i].Item;
            if (item.GoneAt is not null)
            {
                continue;
            }

            var title = item.Title;

            _documents++;
            var position = 0;
            while (TextTokens.Next(title, ref position, buffer, out _, out var length))
            {
                var term = IdOf(buffer[..length], lastDocument);
                if (lastDocument[term] == i)
                {
                    continue;
                }

                lastDocument[term] = i;
                _df[term]++;
                var krs = krsOf[i];
                if (krs.Length == 0)
                {
                    continue;
                }

                if ((term + 1) * krCount > itemsByTermKr.Length)
                {
                    Array.Resize(ref itemsByTermKr, Math.Max(itemsByTermKr.Length * 2, (term + 1) * krCount));
                }

                foreach (var kr in krs)
                {
                    itemsByTermKr[(term * krCount) + kr]++;
                }
            }
        }

        var inKrTitle = new HashSet<long>();
        for (var kr = 0; kr < krCount; kr++)
        {
            var position = 0;
            while (TextTokens.Next(krTitles[kr], ref position, buffer, out _, out var length))
            {
                inKrTitle.Add(((long)IdOf(buffer[..length], lastDocument) * krCount) + kr);
            }
        }

        var postings = new List<KrTerm>?[_df.Count];
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

        _postings = new KrTerm[]?[_df.Count];
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

    private int IdOf(ReadOnlySpan<char> word, List<int> lastDocument)
    {
        if (!_lookup.TryGetValue(word, out var id))
        {
            id = _df.Count;
            _lookup[word] = id;
            _df.Add(0);
            lastDocument.Add(-1);
        }

        return id;
    }

    /// <param name="Items">How many of the KR's items have the word in their titles.</param>
    private readonly record struct KrTerm(int Kr, int Items, bool InKrTitle, double Weight);
}
