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

    public int CompareTo(UnlinkedOrder other)
    {
        if (rank != other.rank)
        {
            return rank < other.rank ? -1 : 1;
        }

        if (key0 != other.key0)
        {
            return key0 < other.key0 ? -1 : 1;
        }

        if (key1 != other.key1)
        {
            return key1 < other.key1 ? -1 : 1;
        }

        if (key2 != other.key2)
        {
            return key2 < other.key2 ? -1 : 1;
        }

        // The first twelve units tie (or the key is that short and holds a NUL, which packs as the key's end does).
        var byKey = string.CompareOrdinal(key, other.key);
        return byKey != 0 ? byKey : At.CompareTo(other.At);
    }

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
