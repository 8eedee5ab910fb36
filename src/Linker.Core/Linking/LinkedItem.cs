using OkrLinker.Core.Items;

namespace OkrLinker.Core.Linking;

/// <summary>An item with its links; <see cref="Bucket"/> is Linked exactly when <see cref="Links"/> is not empty.</summary>
public sealed record LinkedItem(WorkItem Item, IReadOnlyList<ItemLink> Links, Bucket Bucket)
{
    // Two fields rather than a nullable tuple: eight bytes less on each of a million items.
    private readonly LinkExplainer? explainer;
    private readonly int explainIndex;
    private LinkExplanation? explanation;

    /// <summary>How the linker decided; set by <see cref="WorkItemLinker"/>, null on items made by hand.</summary>
    public LinkExplanation? Explanation
    {
        // Worked out when first asked: a report asks only for its unlinked items, and putting a million
        // items in words was nearly half of linking them (docs/benchmarks.md).
        get => explanation ??= explainer?.Explain(explainIndex);
        init => explanation = value;
    }

    /// <summary>
    /// For an unlinked item the linker decided, why, in the compact form a report keeps instead of the explanation's
    /// strings; null otherwise (then <see cref="Explanation"/> is all there is).
    /// </summary>
    internal UnlinkedWhy? UnlinkedWhy =>
        Bucket == Bucket.Unlinked && explanation is null && explainer is not null ? explainer.Why(explainIndex) : null;

    /// <summary>Makes <see cref="Explanation"/> on first use (the same words each time, so a race is harmless).</summary>
    internal (LinkExplainer Explainer, int Index) ExplainLater { init => (explainer, explainIndex) = value; }
}
