using System.Text;

namespace OkrLinker.Core.Store;

/// <summary>
/// One instance of each equal string read, for the columns that repeat across a store (a million items
/// have a handful of sources, types, states and teams). Bounded: past <see cref="MaxStrings"/> distinct
/// strings a new one is returned as read, so an odd column with a value per item costs no more than before.
/// </summary>
internal sealed class StringPool
{
    public const int MaxStrings = 100_000;

    // Longer values are decoded into a string before the lookup; a repeating column value is short.
    private const int MaxStackChars = 256;

    // Recently read values by a hash of their bytes: a repeating column value is found by comparing bytes, before it is
    // decoded and hashed as chars (a million rows read a handful of values in each of several columns).
    private const int RecentSlots = 512;
    private const int MaxRecentBytes = 64;

    private readonly Dictionary<string, string> strings = new(StringComparer.Ordinal);
    private readonly byte[]?[] recentBytes = new byte[RecentSlots][];
    private readonly int[] recentLengths = new int[RecentSlots];
    private readonly string?[] recentStrings = new string[RecentSlots];
    private readonly Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> byChars;

    public StringPool() => byChars = strings.GetAlternateLookup<ReadOnlySpan<char>>();

    public string Get(string value)
    {
        if (strings.TryGetValue(value, out var shared))
        {
            return shared;
        }

        if (strings.Count < MaxStrings)
        {
            strings.Add(value, value);
        }

        return value;
    }

    public string? GetOrNull(string? value) => value is null ? null : Get(value);

    /// <summary>The string of these UTF-8 bytes: a pooled one is found without making a string first.</summary>
    public string Get(ReadOnlySpan<byte> utf8)
    {
        if (utf8.Length > MaxRecentBytes)
        {
            return utf8.Length > MaxStackChars ? Get(Encoding.UTF8.GetString(utf8)) : Decoded(utf8);
        }

        var slot = Slot(utf8);
        var bytes = recentBytes[slot];
        if (bytes is not null && utf8.SequenceEqual(bytes.AsSpan(0, recentLengths[slot])))
        {
            return recentStrings[slot]!;
        }

        // Each slot's buffer is made once and overwritten: a column of values that never repeat allocates nothing here.
        var value = Decoded(utf8);
        utf8.CopyTo(recentBytes[slot] ??= new byte[MaxRecentBytes]);
        recentLengths[slot] = utf8.Length;
        recentStrings[slot] = value;
        return value;
    }

    // FNV-1a over the bytes: short values, so a plain loop.
    private static int Slot(ReadOnlySpan<byte> utf8)
    {
        var hash = 2166136261u;
        foreach (var b in utf8)
        {
            hash = (hash ^ b) * 16777619u;
        }

        return (int)((hash ^ (hash >> 15)) & (RecentSlots - 1));
    }

    private string Decoded(ReadOnlySpan<byte> utf8)
    {
        // As many chars as bytes at the most; sized to the value, as a stack buffer is cleared on every call.
        Span<char> chars = stackalloc char[utf8.Length];
        var length = Encoding.UTF8.GetChars(utf8, chars);
        if (byChars.TryGetValue(chars[..length], out var shared))
        {
            return shared;
        }

        var value = new string(chars[..length]);
        if (strings.Count < MaxStrings)
        {
            strings.Add(value, value);
        }

        return value;
    }
}
