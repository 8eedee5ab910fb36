using System.Runtime.CompilerServices;
using OkrLinker.Core.Items;
using OkrLinker.Core.Reports;

namespace OkrLinker.Core.Linking;

/// <summary>
/// Why the linker found no KR for an item, in a compact form: the few keys, findings and references the sentences name,
/// without the sentences themselves. A report keeps one per unlinked item (220,000 at a million items) and words them
/// straight into its JSON; <see cref="Explain"/> makes the <see cref="LinkExplanation"/> the <c>explain</c> verb shows.
/// Holds no index into the linked list, so the million linked items can go once the figures are made.
/// </summary>
internal sealed class UnlinkedWhy
{
    /// <summary>An item names dozens of unsynced keys at most this many are told, then how many more.</summary>
    public const int MaxReferencesTold = 5;

    /// <summary>The sentences that name nothing of the item, by their index in <see cref="Known"/>.</summary>
    public static readonly IReadOnlyList<string> Known =
    [
        "It names no KR itself (no KR label, title token or KR field value).",
        "It has no parent among the synced items.",
        "It names no other item.",
        "Inheritance is off (Linking:Inherit).",
        "Its parent chain loops back on itself, so it inherits nothing.",
        "No linking rule and no BAU rule matches it.",
        "No BAU rule matches it.",
    ];

    private const int NamesNoKr = 0;
    private const int NoParent = 1;
    private const int NamesNothing = 2;
    private const int InheritanceOff = 3;
    private const int Loops = 4;
    private const int NoRuleMatches = 5;
    private const int NoBauRuleMatches = 6;

    private readonly Wording wording;
    // The item's key, source and branch rather than the item: its body and labels can go with the million others.
    private readonly string key;
    private readonly string source;
    private readonly string? branch;
    private readonly IReadOnlyList<Finding> tagFindings;
    private readonly bool loops;
    private readonly IReadOnlyList<string> passed;
    private readonly WorkItem? gone;
    private readonly bool follows;
    private readonly (ItemReference Reference, WorkItem? Target)[] references;
    private readonly int referenceCount;

    public UnlinkedWhy(
        Wording wording,
        WorkItem item,
        IReadOnlyList<Finding> tagFindings,
        bool loops,
        IReadOnlyList<string> passed,
        WorkItem? gone,
        bool follows,
        (ItemReference Reference, WorkItem? Target)[] references,
        int referenceCount)
    {
        this.wording = wording;
        key = item.Key;
        source = item.Source;
        branch = item.Branch;
        this.tagFindings = tagFindings;
        this.loops = loops;
        this.passed = passed;
        this.gone = gone;
        this.follows = follows;
        this.references = references;
        this.referenceCount = referenceCount;
    }

    /// <summary>The item's own key, as the first sentence names it.</summary>
    public string Key => key;

    /// <summary>What an unlinked item's <see cref="LinkExplanation"/> says: <c>how</c> unlinked, no <c>from</c>, no KRs.</summary>
    public LinkExplanation Explain() => new(LinkHow.Unlinked, null, [], UnlinkedSentences());

    /// <summary>Every sentence of an unlinked item's <c>why</c>: that it is unlinked, why each step found nothing, that no rule matches.</summary>
    public List<string> UnlinkedSentences()
    {
        var sink = new Collected(new List<string>(8));
        WriteUnlinked(sink, new SentenceText());
        return sink.Sentences;
    }

    /// <summary>Why explicit tags, inheritance and references gave the item nothing (a rule's or BAU explanation tells this too).</summary>
    public List<string> WhyNotSentences()
    {
        var sink = new Collected([]);
        WriteWhyNot(sink, new SentenceText());
        return sink.Sentences;
    }

    /// <summary>The sentences of <see cref="UnlinkedSentences"/>, each handed to <paramref name="sink"/>; <paramref name="text"/> is the scratch buffer.</summary>
    /// <remarks>
    /// These are fully optimized from their first call rather than tiered: a report's JSON words 220,000 of them at a
    /// million items, once, in a process that lives a few seconds, and first-tier code wrote most of them.
    /// </remarks>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void WriteUnlinked(ISentenceSink sink, SentenceText text)
    {
        sink.Add(text.Clear().Append(key).Append(" is unlinked: nothing links it to a KR of ").Append(wording.PeriodName).Append(".").Span);
        WriteWhyNot(sink, text);
        sink.AddKnown(wording.HasRules ? NoRuleMatches : NoBauRuleMatches);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void WriteWhyNot(ISentenceSink sink, SentenceText text)
    {
        if (tagFindings.Count > 0)
        {
            foreach (var finding in tagFindings)
            {
                sink.Add(finding.Message);
            }
        }
        else
        {
            sink.AddKnown(NamesNoKr);
        }

        WriteWhyNoInheritance(sink, text);
        WriteWhyNoReference(sink, text);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void WriteWhyNoInheritance(ISentenceSink sink, SentenceText text)
    {
        if (!wording.Inherit)
        {
            sink.AddKnown(InheritanceOff);
            return;
        }

        if (loops)
        {
            sink.AddKnown(Loops);
            return;
        }

        if (gone is not null)
        {
            text.Clear();
            if (passed.Count == 0)
            {
                text.Append("Its ").Append(LinkExplainer.Kind(gone, direct: true)).Append(" ").Append(gone.Key).Append(" ");
            }
            else
            {
                text.Append("Its parent chain (").AppendJoinAnd(passed).Append(") carries no KR, and ").Append(gone.Key).Append(" above it ");
            }

            sink.Add(GoneTold(text.Append("is "), gone).Append(".").Span);
            return;
        }

        switch (passed.Count)
        {
            case 0:
                sink.AddKnown(NoParent);
                break;
            case 1:
                sink.Add(text.Clear().Append("Its parent ").Append(passed[0]).Append(" carries no KR.").Span);
                break;
            default:
                sink.Add(text.Clear().Append("Its parent chain (").AppendJoinAnd(passed).Append(") carries no KR.").Span);
                break;
        }
    }

    // "gone from the tracker (not returned since 2026-11-02), so it passes nothing on", after "is".
    private static SentenceText GoneTold(SentenceText text, WorkItem gone) =>
        text.Append("gone from the tracker (not returned since ").AppendDate(gone.GoneAt!.Value).Append("), so it passes nothing on");

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void WriteWhyNoReference(ISentenceSink sink, SentenceText text)
    {
        if (!follows)
        {
            sink.Add(text.Clear().Append("References are off for source ").Append(source).Append(" (Linking:ReferencesOff).").Span);
            return;
        }

        if (referenceCount == 0)
        {
            sink.AddKnown(NamesNothing);
            return;
        }

        foreach (var (reference, target) in references)
        {
            text.Clear().Append("It names ").Append(reference.Text).Append(" in its ");
            // A branch name says more than "branch": it is short, and it is what the engineer typed.
            if (reference.Where == "branch")
            {
                text.Append("branch ").Append(branch);
            }
            else
            {
                text.Append(reference.Where);
            }

            if (target is null)
            {
                text.Append(", which is no synced item.");
            }
            else if (target.GoneAt is not null)
            {
                GoneTold(text.Append(", and ").Append(target.Key).Append(" is "), target).Append(".");
            }
            else
            {
                text.Append(", and ").Append(target.Key).Append(" has no KR to pass on.");
            }

            sink.Add(text.Span);
        }

        if (referenceCount > MaxReferencesTold)
        {
            sink.Add(text.Clear().Append("It names ").Append(referenceCount - MaxReferencesTold).Append(" more, none of which passes a KR on.").Span);
        }
    }

    /// <summary>What every item of one linking shares: the period the first sentence names and the settings the others tell.</summary>
    internal sealed record Wording(string PeriodName, bool Inherit, bool HasRules);

    private sealed class Collected(List<string> sentences) : ISentenceSink
    {
        public List<string> Sentences => sentences;

        public void Add(ReadOnlySpan<char> sentence) => sentences.Add(sentence.ToString());

        public void AddKnown(int known) => sentences.Add(Known[known]);
    }
}
