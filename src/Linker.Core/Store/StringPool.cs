namespace OkrLinker.Core.Store;

/// <summary>
/// One instance of each equal string read, for the columns that repeat across a store (a million items
/// have a handful of sources, types, states and teams). Bounded: past <see cref="MaxStrings"/> distinct
/// strings a new one is returned as read, so an odd column with a value per item costs no more than before.
/// </summary>
internal sealed class StringPool
{
    public const int MaxStrings = 100_000;

    private readonly Dictionary<string, string> strings = new(StringComparer.Ordinal);

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
}
