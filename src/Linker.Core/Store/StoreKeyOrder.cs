using System.Runtime.InteropServices;
using OkrLinker.Core.Items;

namespace OkrLinker.Core.Store;

/// <summary>
/// The order of <c>ORDER BY "Source", "ExternalId"</c> on SQLite (BINARY collation: the UTF-8 bytes, that is Unicode
/// code points), for items read in the table's own row order. Reading through the primary-key index costs a lookup
/// per row, nearly three times a plain scan at a million items (docs/benchmarks.md); the linker, its findings and the
/// report list items in this order, so the scan is put back in it here.
/// </summary>
internal static class StoreKeyOrder
{
    /// <summary>Compares by source, then external id, as SQLite's BINARY collation does.</summary>
    public static int Compare(WorkItem a, WorkItem b)
    {
        var bySource = CompareCodePoints(a.Source, b.Source);
        return bySource != 0 ? bySource : CompareCodePoints(a.ExternalId, b.ExternalId);
    }

    /// <summary>Code-point order; UTF-16 ordinal order differs from it only where a surrogate meets a char from U+E000.</summary>
    public static int CompareCodePoints(string a, string b)
    {
        if (ReferenceEquals(a, b))
        {
            return 0;
        }

        var common = a.AsSpan().CommonPrefixLength(b);
        if (common == a.Length || common == b.Length)
        {
            return a.Length.CompareTo(b.Length);
        }

        return Rank(a[common]).CompareTo(Rank(b[common]));
    }

    /// <summary>
    /// Sorts <paramref name="items"/> into <see cref="Compare"/> order by merging the ascending runs they already
    /// hold: rows mostly come in key order, so a million items in a few runs take a few linear passes.
    /// </summary>
    public static void Sort(List<WorkItem> items) => Sort<object?>(items, companions: null);

    /// <summary><see cref="Sort(List{WorkItem})"/>, each of <paramref name="companions"/> (one per item) moved with its item.</summary>
    public static void Sort<T>(List<WorkItem> items, List<T>? companions)
    {
        var span = CollectionsMarshal.AsSpan(items);
        var runs = new List<int> { 0 };
        for (var i = 1; i < span.Length; i++)
        {
            if (Compare(span[i - 1], span[i]) > 0)
            {
                runs.Add(i);
            }
        }

        if (runs.Count == 1)
        {
            return;
        }

        // Each pass merges pairs of runs from one buffer into the other: the list's own storage and one array beside it
        // (a copy of the list as a third buffer was 8 MB a million items, for each list).
        Span<WorkItem> from = span, to = new WorkItem[span.Length];
        var companionSpan = companions is null ? default : CollectionsMarshal.AsSpan(companions);
        Span<T> fromCompanions = companionSpan, toCompanions = companions is null ? default : new T[span.Length];
        while (runs.Count > 1)
        {
            var merged = new List<int>((runs.Count + 1) / 2);
            for (var r = 0; r < runs.Count; r += 2)
            {
                var start = runs[r];
                var middle = r + 1 < runs.Count ? runs[r + 1] : from.Length;
                var end = r + 2 < runs.Count ? runs[r + 2] : from.Length;
                Merge(from, start, middle, end, to, fromCompanions, toCompanions, companions is not null);
                merged.Add(start);
            }

            var swap = from;
            from = to;
            to = swap;
            var swapCompanions = fromCompanions;
            fromCompanions = toCompanions;
            toCompanions = swapCompanions;
            runs = merged;
        }

        // An odd number of passes leaves the order in the array beside the list.
        if (from != span)
        {
            from.CopyTo(span);
            fromCompanions.CopyTo(companionSpan);
        }
    }

    /// <summary>
    /// Appends <paramref name="upper"/> to <paramref name="lower"/> in <see cref="Compare"/> order, each already in it,
    /// each companion moved with its item: one pass from the back, in the lower list's own storage (no second buffer).
    /// On a tie the lower item comes first, as <see cref="Sort{T}"/> of the two lists one after the other would put it.
    /// </summary>
    public static void MergeSorted<T>(List<WorkItem> lower, List<T>? lowerCompanions, List<WorkItem> upper, List<T>? upperCompanions)
    {
        var (left, right) = (lower.Count, upper.Count);
        var total = left + right;
        lower.EnsureCapacity(total);
        CollectionsMarshal.SetCount(lower, total);
        var to = CollectionsMarshal.AsSpan(lower);
        var from = CollectionsMarshal.AsSpan(upper);
        Span<T> toCompanions = default, fromCompanions = default;
        if (lowerCompanions is not null)
        {
            lowerCompanions.EnsureCapacity(total);
            CollectionsMarshal.SetCount(lowerCompanions, total);
            toCompanions = CollectionsMarshal.AsSpan(lowerCompanions);
            fromCompanions = CollectionsMarshal.AsSpan(upperCompanions);
        }

        // The slot written is never before the next lower item still to read, so nothing is overwritten before it is read.
        for (var next = total - 1; right > 0; next--)
        {
            var takeUpper = left == 0 || Compare(to[left - 1], from[right - 1]) <= 0;
            if (takeUpper)
            {
                right--;
                to[next] = from[right];
                if (lowerCompanions is not null)
                {
                    toCompanions[next] = fromCompanions[right];
                }
            }
            else
            {
                left--;
                to[next] = to[left];
                if (lowerCompanions is not null)
                {
                    toCompanions[next] = toCompanions[left];
                }
            }
        }
    }

    private static void Merge<T>(
        Span<WorkItem> from, int start, int middle, int end, Span<WorkItem> to, Span<T> fromCompanions, Span<T> toCompanions, bool withCompanions)
    {
        int left = start, right = middle, next = start;
        while (left < middle && right < end)
        {
            var takeLeft = Compare(from[left], from[right]) <= 0;
            if (withCompanions)
            {
                toCompanions[next] = fromCompanions[takeLeft ? left : right];
            }

            to[next++] = takeLeft ? from[left++] : from[right++];
        }

        from[left..middle].CopyTo(to[next..]);
        from[right..end].CopyTo(to[(next + middle - left)..]);
        if (withCompanions)
        {
            fromCompanions[left..middle].CopyTo(toCompanions[next..]);
            fromCompanions[right..end].CopyTo(toCompanions[(next + middle - left)..]);
        }
    }

    // Surrogates (U+D800–U+DFFF) stand for code points above U+FFFF: they rank after U+E000–U+FFFF.
    private static int Rank(char c) => c < 0xD800 ? c : c >= 0xE000 ? c - 0x800 : c + 0x2000;
}
