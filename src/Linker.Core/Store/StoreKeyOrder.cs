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

        var from = span.ToArray();
        var to = new WorkItem[span.Length];
        var fromCompanions = companions?.ToArray();
        var toCompanions = companions is null ? null : new T[span.Length];
        while (runs.Count > 1)
        {
            var merged = new List<int>((runs.Count + 1) / 2);
            for (var r = 0; r < runs.Count; r += 2)
            {
                var start = runs[r];
                var middle = r + 1 < runs.Count ? runs[r + 1] : from.Length;
                var end = r + 2 < runs.Count ? runs[r + 2] : from.Length;
                Merge(from, start, middle, end, to, fromCompanions, toCompanions);
                merged.Add(start);
            }

            (from, to) = (to, from);
            (fromCompanions, toCompanions) = (toCompanions, fromCompanions);
            runs = merged;
        }

        from.CopyTo(span);
        if (companions is not null)
        {
            fromCompanions!.CopyTo(CollectionsMarshal.AsSpan(companions));
        }
    }

    private static void Merge<T>(WorkItem[] from, int start, int middle, int end, WorkItem[] to, T[]? fromCompanions, T[]? toCompanions)
    {
        int left = start, right = middle, next = start;
        while (left < middle && right < end)
        {
            var takeLeft = Compare(from[left], from[right]) <= 0;
            if (fromCompanions is not null)
            {
                toCompanions![next] = fromCompanions[takeLeft ? left : right];
            }

            to[next++] = takeLeft ? from[left++] : from[right++];
        }

        Array.Copy(from, left, to, next, middle - left);
        Array.Copy(from, right, to, next + middle - left, end - right);
        if (fromCompanions is not null)
        {
            Array.Copy(fromCompanions, left, toCompanions!, next, middle - left);
            Array.Copy(fromCompanions, right, toCompanions!, next + middle - left, end - right);
        }
    }

    // Surrogates (U+D800–U+DFFF) stand for code points above U+FFFF: they rank after U+E000–U+FFFF.
    private static int Rank(char c) => c < 0xD800 ? c : c >= 0xE000 ? c - 0x800 : c + 0x2000;
}
