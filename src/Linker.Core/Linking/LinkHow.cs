namespace OkrLinker.Core.Linking;

/// <summary>How the linker decided an item (DESIGN.md §7), in the order it tries.</summary>
public enum LinkHow
{
    Explicit,
    Inherited,
    Reference,
    Rule,
    Bau,
    Unlinked,
}
