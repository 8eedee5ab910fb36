using System.Collections;
using OkrLinker.Core.Items;

namespace OkrLinker.Core.Linking;

/// <summary>
/// The linked items of a <see cref="LinkingResult"/>, read by index. The linker keeps each item's decision anyway (its
/// explainer reads them), so an item's links and bucket are read from there: the report's own passes (figures, trend,
/// suggestions, the links write) read these accessors, and the <see cref="LinkedItem"/>s of a million items (48 bytes
/// each and an 8 MB array, every byte zeroed and faulted in) are made only when someone asks for them as a list
/// (explain, the API, the dashboard), all at once, then the same instances on every later read. A list of items made
/// by hand is read through the same accessors (<see cref="Of"/>).
/// </summary>
internal sealed class LinkedItems : IReadOnlyList<LinkedItem>
{
    private readonly IReadOnlyList<WorkItem>? items;
    private readonly LinkDecision[]? decisions;
    private readonly LinkExplainer? explainer;
    private readonly object sync = new();
    private IReadOnlyList<LinkedItem>? made;

    /// <summary>The linker's view: item <c>i</c> with <c>decisions[i]</c>, explained by <paramref name="explainer"/> at <c>i</c>.</summary>
    public LinkedItems(IReadOnlyList<WorkItem> items, LinkDecision[] decisions, LinkExplainer explainer)
    {
        if (items.Count != decisions.Length)
        {
            throw new ArgumentException("One decision an item.", nameof(decisions));
        }

        (this.items, this.decisions, this.explainer) = (items, decisions, explainer);
    }

    private LinkedItems(IReadOnlyList<LinkedItem> made) => this.made = made;

    /// <summary>The accessors over <paramref name="list"/>: itself when the linker made it, else a view of its items.</summary>
    public static LinkedItems Of(IReadOnlyList<LinkedItem> list) => list as LinkedItems ?? new LinkedItems(list);

    public int Count => decisions?.Length ?? made!.Count;

    /// <summary>What <c>this[index].Item</c> is.</summary>
    public WorkItem ItemAt(int index) => decisions is null ? made![index].Item : items![index];

    /// <summary>What <c>this[index].Links</c> is.</summary>
    public IReadOnlyList<ItemLink> LinksAt(int index) => decisions is null ? made![index].Links : decisions[index].Links;

    /// <summary>What <c>this[index].Bucket</c> is.</summary>
    public Bucket BucketAt(int index) => decisions is null ? made![index].Bucket : BucketOf(decisions[index].How);

    /// <summary>
    /// Why an unlinked item the linker decided is unlinked, in compact form; null for any other item, and for an item
    /// whose explanation was made already (then <see cref="ExplanationAt"/>), as <see cref="LinkedItem.UnlinkedWhy"/>.
    /// </summary>
    public UnlinkedWhy? WhyAt(int index) =>
        decisions is null ? made![index].UnlinkedWhy
        : decisions[index].How == LinkHow.Unlinked ? explainer!.Why(index)
        : null;

    /// <summary>What <c>this[index].Explanation</c> is.</summary>
    public LinkExplanation? ExplanationAt(int index) => decisions is null ? made![index].Explanation : explainer!.Explain(index);

    public LinkedItem this[int index] => Made()[index];

    public IEnumerator<LinkedItem> GetEnumerator() => Made().GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    internal static Bucket BucketOf(LinkHow how) => how switch
    {
        LinkHow.Bau => Bucket.Bau,
        LinkHow.Unlinked => Bucket.Unlinked,
        _ => Bucket.Linked,
    };

    // Made once, under the lock, so every reader on every thread sees the same instances.
    private IReadOnlyList<LinkedItem> Made()
    {
        if (Volatile.Read(ref made) is { } done)
        {
            return done;
        }

        lock (sync)
        {
            if (made is null)
            {
                var linked = new LinkedItem[decisions!.Length];
                for (var i = 0; i < linked.Length; i++)
                {
                    var decision = decisions[i];
                    linked[i] = new LinkedItem(items![i], decision.Links, BucketOf(decision.How)) { ExplainLater = (explainer!, i) };
                }

                Volatile.Write(ref made, linked);
            }

            return made;
        }
    }
}
