using System.Buffers;
using System.Collections;
using System.Text.Json;
using OkrLinker.Core.Reports;
using OkrLinker.Core.Suggestions;

namespace OkrLinker.Worker.Web.Dashboard;

/// <summary>
/// A report's unlinked items as the dashboard keeps them (<see cref="DashboardReportReader"/>): columns instead of a
/// million-item object graph. Source, team, type and state are indices into the few distinct values; each item's
/// suggestions stay the report JSON's own bytes, read by the report's serializer when the item is shown. An item read
/// from here equals the report JSON's but for <see cref="UnlinkedItem.Link"/>, which no page shows (the item page asks
/// the linker) and which was half the JSON. Filtering and sorting (<see cref="Select"/>) touch only the columns.
/// </summary>
internal sealed class UnlinkedRows : IReadOnlyList<UnlinkedItem>
{
    private readonly string?[] names;
    private readonly int[][] coded;
    private readonly int[][] firstSeen;
    private readonly string?[] keys;
    private readonly string?[] titles;
    private readonly string?[] urls;
    private readonly double?[] points;
    private readonly int[] suggestionStarts;
    private readonly int[] suggestionLengths;
    private readonly byte[] suggestionJson;

    private UnlinkedRows(Builder b)
    {
        Count = b.Count;
        names = [.. b.Names];
        coded = [.. b.Coded.Select(c => c.ToArray())];
        firstSeen = [.. b.FirstSeen.Select(c => c.ToArray())];
        keys = [.. b.Keys];
        titles = [.. b.Titles];
        urls = [.. b.Urls];
        points = [.. b.Points];
        suggestionStarts = [.. b.SuggestionStarts];
        suggestionLengths = [.. b.SuggestionLengths];
        suggestionJson = b.SuggestionJson.WrittenSpan.ToArray();
    }

    /// <summary>The coded columns, in this order.</summary>
    public enum Column
    {
        Source,
        Team,
        Type,
        State,
    }

    public int Count { get; }

    public UnlinkedItem this[int index]
    {
        get
        {
            ArgumentOutOfRangeException.ThrowIfNegative(index);
            ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, Count);
            return new UnlinkedItem(
                Text(Column.Source, index)!, keys[index]!, titles[index]!, urls[index], Text(Column.Team, index)!, Text(Column.Type, index)!,
                Text(Column.State, index)!, points[index], Link: null, Suggestions(index));
        }
    }

    /// <summary>The first item of <paramref name="source"/> with <paramref name="key"/> (both case-insensitive), as a scan of the list would find it.</summary>
    public UnlinkedItem? Find(string source, string key)
    {
        for (var i = 0; i < Count; i++)
        {
            if (string.Equals(keys[i], key, StringComparison.OrdinalIgnoreCase) &&
                string.Equals(Text(Column.Source, i), source, StringComparison.OrdinalIgnoreCase))
            {
                return this[i];
            }
        }

        return null;
    }

    /// <summary>The distinct values of <paramref name="column"/> in the order they first occur in the list (as <c>Select(…).Distinct()</c> over the items).</summary>
    public IEnumerable<string> Values(Column column) => firstSeen[(int)column].Select(id => id >= 0 ? names[id]! : null!);

    /// <summary>
    /// The rows that pass <paramref name="query"/>'s filters in its order, exactly as <see cref="UnlinkedQuery.Apply"/>
    /// orders items (a stable sort: the key, then source and key ordinal, then the report's order), made into items only when read.
    /// </summary>
    public IReadOnlyList<UnlinkedItem> Select(UnlinkedQuery query)
    {
        var wanted = new[] { Wanted(Column.Source, query.Source), Wanted(Column.Team, query.Team), Wanted(Column.Type, query.Type), Wanted(Column.State, query.State) };
        var rows = new List<int>();
        for (var i = 0; i < Count; i++)
        {
            if (Passes(wanted, i))
            {
                rows.Add(i);
            }
        }

        var order = rows.ToArray();
        if (query.Sort is { } sort)
        {
            var sign = query.Descending ? -1 : 1;
            var text = SortText(sort);
            Comparison<int> first = sort == "points"
                ? (a, b) => (points[a] ?? double.MinValue).CompareTo(points[b] ?? double.MinValue)
                : (a, b) => StringComparer.OrdinalIgnoreCase.Compare(text(a), text(b));
            Array.Sort(order, (a, b) =>
            {
                var c = first(a, b);
                if (c != 0)
                {
                    return sign * Math.Sign(c);
                }

                c = string.CompareOrdinal(Text(Column.Source, a), Text(Column.Source, b));
                if (c != 0)
                {
                    return c;
                }

                c = string.CompareOrdinal(keys[a], keys[b]);
                return c != 0 ? c : a.CompareTo(b);
            });
        }

        return new Selection(this, order);
    }

    public IEnumerator<UnlinkedItem> GetEnumerator()
    {
        for (var i = 0; i < Count; i++)
        {
            yield return this[i];
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    // As UnlinkedQuery's: any other key sorts by state.
    private Func<int, string?> SortText(string sort) => sort switch
    {
        "key" => i => keys[i],
        "title" => i => titles[i],
        "team" => i => Text(Column.Team, i),
        "source" => i => Text(Column.Source, i),
        "type" => i => Text(Column.Type, i),
        _ => i => Text(Column.State, i),
    };

    private string? Text(Column column, int index) => coded[(int)column][index] is var id and >= 0 ? names[id] : null;

    // Per coded column, which value ids a filter lets through (null: no filter); a null value never equals a filter.
    private bool[]? Wanted(Column column, string? filter) =>
        filter is null ? null : [.. names.Select(n => string.Equals(filter, n, StringComparison.OrdinalIgnoreCase))];

    private bool Passes(bool[]?[] wanted, int index)
    {
        for (var c = 0; c < wanted.Length; c++)
        {
            if (wanted[c] is { } ids && (coded[c][index] is not (var id and >= 0) || !ids[id]))
            {
                return false;
            }
        }

        return true;
    }

    private IReadOnlyList<KrSuggestion>? Suggestions(int index) =>
        suggestionStarts[index] < 0
            ? null
            : JsonSerializer.Deserialize<IReadOnlyList<KrSuggestion>>(suggestionJson.AsSpan(suggestionStarts[index], suggestionLengths[index]), ReportJson.Options);

    /// <summary>The rows of a <see cref="Select"/>, in its order; each read makes the item.</summary>
    private sealed class Selection(UnlinkedRows rows, int[] order) : IReadOnlyList<UnlinkedItem>
    {
        public int Count => order.Length;

        public UnlinkedItem this[int index] => rows[order[index]];

        public IEnumerator<UnlinkedItem> GetEnumerator()
        {
            foreach (var i in order)
            {
                yield return rows[i];
            }
        }

        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
    }

    /// <summary>Collects the rows one item at a time as <see cref="DashboardReportReader"/> reads them.</summary>
    internal sealed class Builder
    {
        private readonly Dictionary<string, int> ids = new(StringComparer.Ordinal);
        private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> idsBySpan;
        private readonly HashSet<int>[] seen = [[], [], [], []];

        public Builder() => idsBySpan = ids.GetAlternateLookup<ReadOnlySpan<char>>();

        internal int Count => Keys.Count;

        internal List<string?> Names { get; } = [];

        internal List<int>[] Coded { get; } = [[], [], [], []];

        internal List<int>[] FirstSeen { get; } = [[], [], [], []];

        internal List<string?> Keys { get; } = [];

        internal List<string?> Titles { get; } = [];

        internal List<string?> Urls { get; } = [];

        internal List<double?> Points { get; } = [];

        internal List<int> SuggestionStarts { get; } = [];

        internal List<int> SuggestionLengths { get; } = [];

        internal ArrayBufferWriter<byte> SuggestionJson { get; } = new(64 * 1024);

        /// <summary>The id of a coded value; the reader passes the value's chars, so the few distinct values are the only strings made.</summary>
        public int Id(ReadOnlySpan<char> value)
        {
            if (idsBySpan.TryGetValue(value, out var id))
            {
                return id;
            }

            var name = value.ToString();
            ids[name] = Names.Count;
            Names.Add(name);
            return Names.Count - 1;
        }

        /// <summary>Keeps the JSON of an item's suggestions; the range it answers goes to <see cref="Add"/>.</summary>
        public (int Start, int Length) KeepSuggestions(ReadOnlySpan<byte> json)
        {
            var start = SuggestionJson.WrittenCount;
            SuggestionJson.Write(json);
            return (start, json.Length);
        }

        /// <summary>Adds one item; a coded value is an id from <see cref="Id"/> or −1 for null; <paramref name="suggestions"/> from <see cref="KeepSuggestions"/>, start −1 when absent.</summary>
        public void Add(ReadOnlySpan<int> codes, string? key, string? title, string? url, double? points, (int Start, int Length) suggestions)
        {
            for (var c = 0; c < codes.Length; c++)
            {
                Coded[c].Add(codes[c]);
                if (seen[c].Add(codes[c]))
                {
                    FirstSeen[c].Add(codes[c]);
                }
            }

            Keys.Add(key);
            Titles.Add(title);
            Urls.Add(url);
            Points.Add(points);
            SuggestionStarts.Add(suggestions.Start);
            SuggestionLengths.Add(suggestions.Length);
        }

        public UnlinkedRows Build() => new(this);
    }
}
