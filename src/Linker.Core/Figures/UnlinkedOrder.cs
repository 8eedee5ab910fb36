using System.Numerics;
using System.Runtime.CompilerServices;

namespace OkrLinker.Core.Figures;

/// <summary>
/// The report's order of unlinked items as a value to sort: items with points first, most points first, then by key
/// (ordinal), ties in the given order (<see cref="At"/>), as the stable LINQ order it replaces. The key's first twelve
/// UTF-16 units are packed into three numbers that compare as the ordinal comparison does, so most comparisons never
/// reach the key's string.
/// </summary>
internal readonly struct UnlinkedOrder : IComparable<UnlinkedOrder>
{
    private const ulong SignBit = 1UL << 63;

    // The points as one number that sorts as the order wants them: most points first, NaN after every number (as
    // double.CompareTo has it smallest), no points last; 0 and -0 alike.
    private readonly ulong rank;
    private readonly ulong key0;
    private readonly ulong key1;
    private readonly ulong key2;
    private readonly string key;

    public UnlinkedOrder(double? points, string key, int at)
    {
        rank = Rank(points);
        this.key = key;
        key0 = Pack(key, 0);
        key1 = Pack(key, 4);
        key2 = Pack(key, 8);
        At = at;
    }

    /// <summary>Where the item stands in the list the keys were made from.</summary>
    public int At { get; }

    public int CompareTo(UnlinkedOrder other) => Compare(in this, in other);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int Compare(in UnlinkedOrder self, in UnlinkedOrder other)
    {
        if (self.rank != other.rank)
        {
            return self.rank < other.rank ? -1 : 1;
        }

        if (self.key0 != other.key0)
        {
            return self.key0 < other.key0 ? -1 : 1;
        }

        if (self.key1 != other.key1)
        {
            return self.key1 < other.key1 ? -1 : 1;
        }

        if (self.key2 != other.key2)
        {
            return self.key2 < other.key2 ? -1 : 1;
        }

        // The first twelve units tie (or the key is that short and holds a NUL, which packs as the key's end does).
        var byKey = string.CompareOrdinal(self.key, other.key);
        return byKey != 0 ? byKey : self.At.CompareTo(other.At);
    }

    /// <summary>
    /// Sorts <paramref name="keys"/> as <see cref="CompareTo"/> orders them (introsort, as <c>Array.Sort</c>; no two keys
    /// are equal, as each has its own <see cref="At"/>, so any correct sort gives the one order). <c>Array.Sort</c> over this
    /// struct is a generic instantiation no ReadyToRun image holds and a report sorts once: its 220,000 keys at a million
    /// items were sorted by first-tier code, copying the 48-byte keys through every comparison.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Sort(Span<UnlinkedOrder> keys)
    {
        if (keys.Length > 1)
        {
            IntroSort(keys, 2 * (BitOperations.Log2((uint)keys.Length) + 1));
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void IntroSort(Span<UnlinkedOrder> keys, int depthLimit)
    {
        while (keys.Length > 16)
        {
            if (depthLimit == 0)
            {
                HeapSort(keys);
                return;
            }

            depthLimit--;
            var pivot = Partition(keys);
            IntroSort(keys[(pivot + 1)..], depthLimit);
            keys = keys[..pivot];
        }

        InsertionSort(keys);
    }

    // The median of the first, middle and last key as the pivot; the first and last then bound both scans.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static int Partition(Span<UnlinkedOrder> keys)
    {
        var hi = keys.Length - 1;
        var middle = hi >> 1;
        SwapIfGreater(keys, 0, middle);
        SwapIfGreater(keys, 0, hi);
        SwapIfGreater(keys, middle, hi);
        var pivot = keys[middle];
        (keys[middle], keys[hi - 1]) = (keys[hi - 1], keys[middle]);
        int left = 0, right = hi - 1;
        while (left < right)
        {
            while (Less(in keys[++left], in pivot))
            {
            }

            while (Less(in pivot, in keys[--right]))
            {
            }

            if (left >= right)
            {
                break;
            }

            (keys[left], keys[right]) = (keys[right], keys[left]);
        }

        if (left != hi - 1)
        {
            (keys[left], keys[hi - 1]) = (keys[hi - 1], keys[left]);
        }

        return left;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void InsertionSort(Span<UnlinkedOrder> keys)
    {
        for (var i = 1; i < keys.Length; i++)
        {
            var key = keys[i];
            var j = i - 1;
            while (j >= 0 && Less(in key, in keys[j]))
            {
                keys[j + 1] = keys[j];
                j--;
            }

            keys[j + 1] = key;
        }
    }

    /// <summary>What <see cref="Sort"/> falls back to when partitions keep coming out lopsided.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal static void HeapSort(Span<UnlinkedOrder> keys)
    {
        var n = keys.Length;
        for (var i = (n >> 1) - 1; i >= 0; i--)
        {
            SiftDown(keys, i, n);
        }

        for (var end = n - 1; end > 0; end--)
        {
            (keys[0], keys[end]) = (keys[end], keys[0]);
            SiftDown(keys, 0, end);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void SiftDown(Span<UnlinkedOrder> keys, int at, int count)
    {
        while (true)
        {
            var child = (2 * at) + 1;
            if (child >= count)
            {
                return;
            }

            if (child + 1 < count && Less(in keys[child], in keys[child + 1]))
            {
                child++;
            }

            if (!Less(in keys[at], in keys[child]))
            {
                return;
            }

            (keys[at], keys[child]) = (keys[child], keys[at]);
            at = child;
        }
    }

    private static void SwapIfGreater(Span<UnlinkedOrder> keys, int i, int j)
    {
        if (Less(in keys[j], in keys[i]))
        {
            (keys[i], keys[j]) = (keys[j], keys[i]);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool Less(in UnlinkedOrder a, in UnlinkedOrder b) => Compare(in a, in b) < 0;

    private static ulong Rank(double? points)
    {
        if (points is not { } value)
        {
            return ulong.MaxValue;
        }

        if (double.IsNaN(value))
        {
            return ulong.MaxValue - 1;
        }

        // The IEEE bits in an order that sorts as the numbers do (negative ones flipped whole, positive ones by their
        // sign), then inverted for most first.
        var bits = (ulong)BitConverter.DoubleToInt64Bits(value == 0 ? 0.0 : value);
        var ascending = (bits & SignBit) != 0 ? ~bits : bits | SignBit;
        return ~ascending;
    }

    // Four UTF-16 units from 'from', the first in the high bits; past the end a 0, which sorts before every unit as
    // the end of a shorter key sorts before any longer one.
    private static ulong Pack(string key, int from)
    {
        ulong packed = 0;
        for (var k = from; k < from + 4; k++)
        {
            packed = (packed << 16) | (k < key.Length ? key[k] : 0u);
        }

        return packed;
    }
}
