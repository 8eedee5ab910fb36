namespace OkrLinker.Core.Figures;

/// <summary>
/// The report's order of unlinked items as a value to sort: items with points first, most points first, then by key
/// (ordinal), ties in the given order (<see cref="At"/>), as the stable LINQ order it replaces. The key's first twelve
/// UTF-16 units are packed into three numbers that compare as the ordinal comparison does, so most comparisons never
/// reach the key's string.
/// </summary>
internal readonly struct UnlinkedOrder : IComparable<UnlinkedOrder>
{
    private readonly bool hasPoints;
    private readonly double points;
    private readonly ulong key0;
    private readonly ulong key1;
    private readonly ulong key2;
    private readonly string key;

    public UnlinkedOrder(double? points, string key, int at)
    {
        hasPoints = points is not null;
        this.points = points ?? 0;
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
        if (hasPoints != other.hasPoints)
        {
            return hasPoints ? -1 : 1;
        }

        if (hasPoints && points.CompareTo(other.points) is var byPoints and not 0)
        {
            return -byPoints;
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
