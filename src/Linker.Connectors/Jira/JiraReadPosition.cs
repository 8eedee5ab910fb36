using OkrLinker.Core.Items;
using OkrLinker.Core.Sources;

namespace OkrLinker.Connectors.Jira;

/// <summary>
/// Where one read of a Jira scope stands in its <c>created ASC, key ASC</c> order, page after page in that order:
/// the last committed instant and the ids read at it, and the newest <c>updated</c> seen. Each page taken gives
/// the cursor to commit with it (see <see cref="JiraCursor"/>), so a read that resumes starts right after it.
/// </summary>
/// <param name="at">The cursor the read started from.</param>
/// <param name="runStartedAt">UTC epoch ms at which the run began (a resumed run keeps its first start).</param>
/// <param name="overlap">The source's overlap, taken off the next run's <c>since</c>.</param>
internal sealed class JiraReadPosition(JiraCursor at, long runStartedAt, TimeSpan overlap)
{
    private readonly HashSet<string> afterIds = new(at.AfterIds ?? [], StringComparer.Ordinal);
    private long? newest = at.Newest;

    /// <summary>The <c>created</c> (epoch ms) of the last issue taken; the next keyset read asks for <c>created &gt;=</c> it.</summary>
    public long? AfterCreated { get; private set; } = at.AfterCreated;

    /// <summary>How many issues were taken at exactly <see cref="AfterCreated"/>: the next keyset read's <c>startAt</c>.</summary>
    public int AtAfterCreated => afterIds.Count;

    /// <summary>
    /// The page to commit for the next issues in order: those already committed at the last instant (a resumed run,
    /// or the one issue overlapping two pages read side by side) left out, and the cursor after the last of them.
    /// </summary>
    /// <param name="last">No page follows: the cursor is the next run's, <c>since</c> the newest <c>updated</c> less the overlap.</param>
    public WorkItemPage Take(IReadOnlyList<WorkItem> read, bool last)
    {
        var after = AfterCreated;
        var items = read.Where(i => after is not { } a || Millis(i.Created) > a
            || (Millis(i.Created) == a && !afterIds.Contains(i.ExternalId))).ToList();
        foreach (var item in read)
        {
            newest = Math.Max(newest ?? long.MinValue, Millis(item.Updated));
        }

        if (read.Count > 0)
        {
            var lastCreated = Millis(read[^1].Created);
            if (lastCreated != AfterCreated)
            {
                afterIds.Clear();
                AfterCreated = lastCreated;
            }

            afterIds.UnionWith(read.Where(i => Millis(i.Created) == lastCreated).Select(i => i.ExternalId));
        }

        var next = last
            ? new JiraCursor(NextSince(), null, null, null, null)
            : new JiraCursor(at.Since, runStartedAt, newest, AfterCreated, [.. afterIds]);
        return new WorkItemPage(items, next.ToString());
    }

    // Never later than the run's start: an issue edited during a run (or while a crashed run waited to resume)
    // may sort before what the run read last, and must be read again next time.
    private long? NextSince()
    {
        if (newest is not { } seen)
        {
            return at.Since;
        }

        var next = Math.Min(seen, runStartedAt) - (long)overlap.TotalMilliseconds;
        return at.Since is { } previous && previous > next ? previous : next;
    }

    private static long Millis(DateTimeOffset at) => at.ToUnixTimeMilliseconds();
}
