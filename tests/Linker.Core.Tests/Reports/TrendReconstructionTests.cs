using OkrLinker.Core.Figures;
using OkrLinker.Core.Linking;
using OkrLinker.Core.Reports;
using OkrLinker.Core.Tests.Support;

namespace OkrLinker.Core.Tests.Reports;

public sealed class TrendReconstructionTests
{
    // W41 is Monday 2026-10-05 to Monday 2026-10-12 (UTC), W42 the week after, and so on.
    private static readonly DateTimeOffset Oct13 = new(2026, 10, 13, 9, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Oct14 = new(2026, 10, 14, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Several_weeks_in_one_pass_count_the_items_each_week_would_count_alone()
    {
        var linking = new LinkingResult(
            [
                // In progress since W41: every week from W41.
                new LinkedItem(Some.InProgress("PAY-1"), [], Bucket.Unlinked),
                // In progress since W42: W42 and W43.
                new LinkedItem(Some.InProgress("PAY-2", created: Oct13), [new ItemLink("O1-KR1", LinkReason.Explicit, "label kr:O1-KR1")], Bucket.Linked),
                // Created in W41, resolved in W42: W41 (not resolved by its start) and W42 (resolved inside it).
                new LinkedItem(Some.Done("PAY-3", Oct14), [], Bucket.Unlinked),
                // Never: removed, or done without a resolved time.
                new LinkedItem(Some.Removed("PAY-4"), [], Bucket.Unlinked),
                new LinkedItem(Some.Done("PAY-5", Oct14) with { Resolved = null }, [], Bucket.Unlinked),
            ],
            []);
        IsoWeek[] weeks = [IsoWeek.Parse("2026-W40"), IsoWeek.Parse("2026-W41"), IsoWeek.Parse("2026-W42"), IsoWeek.Parse("2026-W43")];

        var shares = TrendReconstruction.UnlinkedShares(linking, weeks, TimeZoneInfo.Utc);

        // W40: nothing yet. W41: PAY-1, PAY-3, both unlinked. W42: PAY-1, PAY-2, PAY-3, two unlinked. W43: PAY-1, PAY-2.
        Assert.Equal([null, 1.0, 0.6667, 0.5], shares);
    }
}
