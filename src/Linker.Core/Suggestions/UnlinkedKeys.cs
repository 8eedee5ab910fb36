using System.Numerics;
using System.Runtime.CompilerServices;
using OkrLinker.Core.Linking;

namespace OkrLinker.Core.Suggestions;

/// <summary>
/// The unlinked items by source and key (ordinal), the first in the items' order winning, as the report asks for the
/// item behind each of its first few thousand unlinked entries. Filled in the suggester's one pass over the items (each
/// is at hand there), so the report's lookups no longer read a million items after the figures; chains of item
/// indices rather than a dictionary of half a million strings.
/// </summary>
internal sealed class UnlinkedKeys
{
    private const int None = -1;
    private const int ChunkBits = 13;
    private const int ChunkMask = (1 << ChunkBits) - 1;

    private readonly LinkedItems items;
    // Each unlinked item's index and its key's hash, in the items' order, in chunks (no copies as they grow).
    private readonly List<(int Index, int Hash)[]> entries = [];
    private int count;
    // Once complete: the first entry of each hash bucket, and each entry's next in its bucket, in the items' order.
    private int[] heads = [];
    private int[] next = [];
    private int mask;

    public UnlinkedKeys(LinkedItems items) => this.items = items;

    /// <summary>Adds the unlinked item at <paramref name="index"/>; items are added in their list's order.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Add(int index, string key)
    {
        if ((count & ChunkMask) == 0)
        {
            entries.Add(new (int, int)[1 << ChunkBits]);
        }

        entries[^1][count & ChunkMask] = (index, key.GetHashCode());
        count++;
    }

    /// <summary>Makes the table once every unlinked item was added.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Complete()
    {
        // About two entries a bucket: a lookup reads a few more hashes, the table takes half the memory.
        var size = (int)BitOperations.RoundUpToPowerOf2((uint)Math.Max(count, 2)) / 2;
        mask = size - 1;
        heads = new int[size];
        Array.Fill(heads, None);
        next = new int[count];
        // From the last entry back, each put in front of its bucket: every chain then runs in the items' order.
        for (var n = count - 1; n >= 0; n--)
        {
            var bucket = entries[n >> ChunkBits][n & ChunkMask].Hash & mask;
            next[n] = heads[bucket];
            heads[bucket] = n;
        }
    }

    /// <summary>The index of the first unlinked item with this source and key, or null when there is none.</summary>
    public int? Find(string source, string key)
    {
        var hash = key.GetHashCode();
        for (var n = heads[hash & mask]; n != None; n = next[n])
        {
            var (index, entryHash) = entries[n >> ChunkBits][n & ChunkMask];
            if (entryHash != hash)
            {
                continue;
            }

            var item = items.ItemAt(index);
            if (string.Equals(item.Key, key, StringComparison.Ordinal) && string.Equals(item.Source, source, StringComparison.Ordinal))
            {
                return index;
            }
        }

        return null;
    }
}
