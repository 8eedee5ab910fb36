using OkrLinker.Core.Items;

namespace OkrLinker.Core.Linking;

/// <summary>An item with its links; <see cref="Bucket"/> is Linked exactly when <see cref="Links"/> is not empty.</summary>
public sealed record LinkedItem(WorkItem Item, IReadOnlyList<ItemLink> Links, Bucket Bucket)
{
    // The explainer until the explanation is made, then the explanation (or the one given by hand): one slot rather than
    // two, and two fields rather than a nullable tuple: sixteen bytes less on each of a million items than both tuple
    // and explanation beside it.
    private object? explained;
    private readonly int explainIndex;

    /// <summary>How the linker decided; set by <see cref="WorkItemLinker"/>, null on items made by hand.</summary>
    public LinkExplanation? Explanation
    {
        // Worked out when first asked: a report asks only for its unlinked items, and putting a million
        // items in words was nearly half of linking them (docs/benchmarks.md).
        get => explained switch
        {
            LinkExplanation made => made,
            LinkExplainer explainer => (LinkExplanation)(explained = explainer.Explain(explainIndex)),
            _ => null,
        };
        init => explained = value;
    }

    /// <summary>
    /// For an unlinked item the linker decided, why, in the compact form a report keeps instead of the explanation's
    /// strings; null otherwise (then <see cref="Explanation"/> is all there is).
    /// </summary>
    internal UnlinkedWhy? UnlinkedWhy =>
        Bucket == Bucket.Unlinked && explained is LinkExplainer explainer ? explainer.Why(explainIndex) : null;

    /// <summary>Makes <see cref="Explanation"/> on first use (the same words each time, so a race is harmless).</summary>
    internal (LinkExplainer Explainer, int Index) ExplainLater { init => (explained, explainIndex) = value; }
}
