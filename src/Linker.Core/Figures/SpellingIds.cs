using System.Runtime.CompilerServices;

namespace OkrLinker.Core.Figures;

/// <summary>
/// Dense ids for names compared case-insensitively (teams), each remembered with the spelling first given. The store
/// pools its strings, so a name is looked up by reference first: a million items hash a handful of string objects
/// rather than a million case-insensitive hashes.
/// </summary>
internal sealed class SpellingIds
{
    // Names that are not pooled (items made by hand) would otherwise grow the reference cache by one per item.
    private const int MaxReferences = 4096;

    private readonly Dictionary<string, int> bySpelling = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, int> byReference = new(ReferenceEqualityComparer.Instance);
    private readonly List<string> spellings = [];
    private string? last;
    private int lastId;

    /// <summary>How many distinct names were given.</summary>
    public int Count => spellings.Count;

    /// <summary>The spelling the name with this id was first given in.</summary>
    public string Spelling(int id) => spellings[id];

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public int IdOf(string name)
    {
        if (ReferenceEquals(name, last))
        {
            return lastId;
        }

        if (!byReference.TryGetValue(name, out var id))
        {
            if (!bySpelling.TryGetValue(name, out id))
            {
                id = spellings.Count;
                bySpelling.Add(name, id);
                spellings.Add(name);
            }

            if (byReference.Count < MaxReferences)
            {
                byReference.Add(name, id);
            }
        }

        last = name;
        lastId = id;
        return id;
    }
}
