namespace OkrLinker.Core.Linking;

/// <summary>The <see cref="Reports.Finding.Rule"/> ids the linker reports; all are warnings.</summary>
public static class LinkFindingRules
{
    /// <summary>A tag, title token or KR field value names no KR of any period (a typo, usually).</summary>
    public const string UnknownKrTag = "unknown-kr-tag";

    /// <summary>A tag, title token or KR field value names a KR of an ended period.</summary>
    public const string StaleKrTag = "stale-kr-tag";

    /// <summary>Items whose parents lead back to themselves; nothing on the loop inherits.</summary>
    public const string ParentCycle = "parent-cycle";

    public const string Severity = "warning";
}
