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

    private readonly Dictionary<string, string> strings = new(StringComparer.Ordinal);
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
        if (utf8.Length > MaxStackChars)
        {
            return Get(Encoding.UTF8.GetString(utf8));
        }

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
