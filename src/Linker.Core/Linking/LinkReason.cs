namespace OkrLinker.Core.Linking;

/// <summary>The step of DESIGN.md §7 that linked an item to a KR.</summary>
public enum LinkReason
{
    Explicit,
    Inherited,
    Rule,

    /// <summary>The item names another synced item (a Jira key, <c>AB#4711</c>, <c>owner/repo#12</c>) and follows its KRs.</summary>
    Reference,
}
