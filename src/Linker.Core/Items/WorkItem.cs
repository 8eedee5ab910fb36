namespace OkrLinker.Core.Items;

/// <summary>
/// One backlog item as every source delivers it (DESIGN.md §6). Timestamps are UTC.
/// </summary>
public sealed record WorkItem
{
    /// <summary>The configured source name (<c>Sources[].Name</c>).</summary>
    public required string Source { get; init; }

    /// <summary>The tracker's immutable id: Jira issue id, Azure DevOps id, GitHub issue id.</summary>
    public required string ExternalId { get; init; }

    /// <summary>What users see: <c>PAY-12</c>, <c>4711</c>, <c>owner/repo#12</c>.</summary>
    public required string Key { get; init; }

    public string? Url { get; init; }

    public required string Title { get; init; }

    /// <summary>Issue type / work item type; GitHub: <c>issue</c> or <c>pull-request</c>.</summary>
    public required string Type { get; init; }

    public required string State { get; init; }

    public required StateCategory Category { get; init; }

    public required string Team { get; init; }

    // Project, area, iteration, components, labels and GoneAt sit in one object beside the item, null while all six are
    // absent: the report reads its million items without the first five (their link facts are stored, docs/benchmarks.md)
    // and few items are gone, so the six slots (56 bytes an item) are one. Each value set makes a new one (a `with`
    // copy shares the old one, so it is never changed in place). Equality is unchanged: null stands exactly for six
    // absent values (a value equal to its default is not kept), and two of these compare value by value.
    private Rarely? rarely;

    /// <summary>Jira project key, Azure DevOps team project, GitHub <c>owner/repo</c>.</summary>
    public string? Project
    {
        get => rarely?.Project;
        init => rarely = Rarely.Set(rarely, value, static (r, v) => r with { Project = v });
    }

    /// <summary>Azure DevOps area path.</summary>
    public string? Area
    {
        get => rarely?.Area;
        init => rarely = Rarely.Set(rarely, value, static (r, v) => r with { Area = v });
    }

    /// <summary>Azure DevOps iteration path (the sprint).</summary>
    public string? Iteration
    {
        get => rarely?.Iteration;
        init => rarely = Rarely.Set(rarely, value, static (r, v) => r with { Iteration = v });
    }

    /// <summary>Jira components.</summary>
    public IReadOnlyList<string> Components
    {
        get => rarely?.Components ?? Rarely.NoList;
        init => rarely = Rarely.Set(rarely, value, static (r, v) => r with { Components = v });
    }

    /// <summary>Labels (Jira, GitHub) or tags (Azure DevOps), as the tracker spells them.</summary>
    public IReadOnlyList<string> Labels
    {
        get => rarely?.Labels ?? Rarely.NoList;
        init => rarely = Rarely.Set(rarely, value, static (r, v) => r with { Labels = v });
    }

    /// <summary>Values of the configured "Key Result" field, as the tracker holds them.</summary>
    public IReadOnlyList<string> KrValues { get; init; } = [];

    /// <summary>The parent's <see cref="ExternalId"/>, where the tracker names the parent by id.</summary>
    public string? ParentId { get; init; }

    /// <summary>The parent's <see cref="Key"/>, where the tracker names the parent only by key.</summary>
    public string? ParentKey { get; init; }

    // The optional numbers and dates are kept as a value and a flag rather than as nullables: a nullable date takes 24
    // bytes and a nullable double 16, the flags share the slot beside Category, and a store of a million items holds a
    // million of these (docs/benchmarks.md). Equality is unchanged: an absent value is always held as default.
    // The three dates are kept as their UTC ticks and, apart, their offsets in minutes: a DateTimeOffset takes 16 bytes
    // (8 of ticks, 2 of offset, 6 of padding), the three ticks and offsets 30, so an item is 16 bytes smaller. Equality is
    // unchanged: DateTimeOffset compares the instants alone, and so do the ticks (the offsets compare equal, see Offsets).
    private readonly double storyPoints;
    private readonly long createdTicks;
    private readonly long updatedTicks;
    private readonly long resolvedTicks;
    private readonly Offsets offsets;
    private readonly bool hasStoryPoints;
    private readonly bool hasResolved;

    public double? StoryPoints
    {
        get => hasStoryPoints ? storyPoints : null;
        init => (hasStoryPoints, storyPoints) = (value.HasValue, value.GetValueOrDefault());
    }

    public required DateTimeOffset Created
    {
        get => Offsets.At(createdTicks, offsets.Created);
        init => (createdTicks, offsets.Created) = (value.UtcTicks, Offsets.Minutes(value));
    }

    public required DateTimeOffset Updated
    {
        get => Offsets.At(updatedTicks, offsets.Updated);
        init => (updatedTicks, offsets.Updated) = (value.UtcTicks, Offsets.Minutes(value));
    }

    public DateTimeOffset? Resolved
    {
        get => hasResolved ? Offsets.At(resolvedTicks, offsets.Resolved) : null;
        init => (hasResolved, resolvedTicks, offsets.Resolved) =
            value is { } at ? (true, at.UtcTicks, Offsets.Minutes(at)) : (false, 0L, (short)0);
    }

    /// <summary>
    /// The dates' offsets from UTC, in minutes (a DateTimeOffset's offset is whole minutes, at most 14 hours). They take
    /// no part in the item's equality, as the offset takes none in DateTimeOffset's.
    /// </summary>
    private struct Offsets : IEquatable<Offsets>
    {
        public short Created;
        public short Updated;
        public short Resolved;

        public static short Minutes(DateTimeOffset at) => (short)(at.Offset.Ticks / TimeSpan.TicksPerMinute);

        public static DateTimeOffset At(long utcTicks, short minutes)
        {
            if (minutes == 0)
            {
                return new DateTimeOffset(utcTicks, TimeSpan.Zero);
            }

            var offset = minutes * TimeSpan.TicksPerMinute;
            return new DateTimeOffset(utcTicks + offset, new TimeSpan(offset));
        }

        public readonly bool Equals(Offsets other) => true;

        public override readonly bool Equals(object? obj) => obj is Offsets;

        public override readonly int GetHashCode() => 0;
    }

    /// <summary>
    /// The description as plain text (GitHub bodies, Jira descriptions, Azure DevOps <c>System.Description</c>, a CSV
    /// <c>body</c>), at most 65,536 characters; searched for cross-references and read by the suggestions.
    /// </summary>
    public string? Body { get; init; }

    /// <summary>A pull request's head branch, where the source reads it; searched for cross-references.</summary>
    public string? Branch { get; init; }

    /// <summary>
    /// Set by the store, never by a source: when a reconciliation sweep last found that the tracker no longer
    /// returns the item (deleted, moved out of every synced scope, no longer visible). Null while it is returned.
    /// A gone item passes no KRs on (DESIGN.md §7); a Removed one that is still returned does.
    /// </summary>
    public DateTimeOffset? GoneAt
    {
        get => rarely?.GoneAt;
        init => rarely = Rarely.Set(rarely, value, static (r, v) => r with { GoneAt = v });
    }

    /// <summary>The values most items do not hold (see <see cref="rarely"/>); compared value by value, as the item's own were.</summary>
    private sealed record Rarely(
        string? Project, string? Area, string? Iteration, IReadOnlyList<string> Components, IReadOnlyList<string> Labels, DateTimeOffset? GoneAt)
    {
        public static readonly IReadOnlyList<string> NoList = [];

        private static readonly Rarely None = new(null, null, null, NoList, NoList, null);

        /// <summary>The values after one change; null when all six are absent (then nothing is made).</summary>
        public static Rarely? Set<T>(Rarely? current, T value, Func<Rarely, T, Rarely> change)
        {
            if (current is null && (value is null || ReferenceEquals(value, NoList)))
            {
                return null;
            }

            var changed = change(current ?? None, value);
            return changed.Equals(None) ? null : changed;
        }
    }
}
