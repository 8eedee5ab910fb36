namespace OkrLinker.Core.Linking;

/// <summary>Every item falls in exactly one (DESIGN.md §7, §8).</summary>
public enum Bucket
{
    Linked,
    Bau,
    Unlinked,
}
