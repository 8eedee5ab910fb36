using System.Globalization;
using OkrLinker.Fakes;

namespace OkrLinker.Worker.Tests.AzureDevOps;

/// <summary>
/// A slice's <c>workitemsbatch</c> reads go side by side (issue 11 target 4's levers for Azure DevOps): the same
/// requests as one after the other, never more in flight than <c>Http.MaxConcurrentRequests</c>, and committed in
/// WIQL order, so a failure mid-read leaves the cursor before the first batch not committed.
/// 5,000 work items: Shop (3,000) and Mobile (2,000).
/// </summary>
public sealed class AzureDevOpsSideBySideReadTests
{
    private static readonly FakeAzureDevOpsOptions Slowed = new() { Latency = TimeSpan.FromMilliseconds(20) };

    [Fact]
    public async Task A_first_sync_with_three_requests_in_flight_makes_the_same_40_requests_and_holds_no_more_than_three_at_once()
    {
        var data = FakeAzureDevOpsData.Generate(48);
        await using var ado = await AzureDevOpsHarness.StartAsync(data, Slowed, maxConcurrentRequests: 3);

        Assert.Equal(0, (await ado.SyncAsync()).ExitCode);

        Assert.Equal(ado.Expected(), await ado.StoredAsync());
        var full = ado.Fake.Journal.All;
        Assert.Equal(25, full.Count(r => r.Kind == "batch"));
        Assert.Equal([1000, 1000, 1000, 0, 1000, 1000, 0], full.Where(r => r.Kind == "wiql").Select(r => r.Count));
        Assert.Equal(8, full.Count(r => r.Kind == "states"));
        Assert.Equal(40, full.Count);
        Assert.InRange(ado.Fake.MaxInFlight, 1, 3);

        ado.Fake.Journal.Clear();
        Assert.Equal(0, (await ado.SyncAsync()).ExitCode);

        Assert.Equal(["wiql", "wiql"], ado.Fake.Journal.All.Select(r => r.Kind));
    }

    [Fact]
    public async Task A_batch_refused_mid_read_leaves_a_prefix_of_whole_batches_committed_and_the_rerun_reads_each_other_item_once()
    {
        var data = FakeAzureDevOpsData.Generate(49);
        await using var ado = await AzureDevOpsHarness.StartAsync(data, Slowed, maxConcurrentRequests: 3);
        // The eighth batch to arrive is refused: one of the second slice's, read side by side with its neighbours.
        ado.Fake.Faults.Add("POST /_apis/wit/workitemsbatch", FakeFault.Forbidden(), times: 1, after: 7);

        Assert.NotEqual(0, (await ado.SyncAsync()).ExitCode);

        // Shop in WIQL order (ChangedDate, Id): what is stored is its first batches, whole, and none after a gap.
        var shop = data.Snapshot().Where(i => i.Project == "Shop").OrderBy(i => i.Changed).ThenBy(i => i.Id)
            .Select(i => i.Id.ToString(CultureInfo.InvariantCulture)).ToList();
        var before = await ado.StoredAsync();
        var stored = before.Where(s => s.Scope == "Shop").Select(s => s.Id).ToHashSet();
        Assert.Equal(0, stored.Count % 200);
        Assert.InRange(stored.Count, 1000, 1800);
        Assert.Equal(shop.Take(stored.Count).Order(), stored.Order());

        ado.Fake.Journal.Clear();
        Assert.Equal(0, (await ado.SyncAsync()).ExitCode);

        Assert.Equal(ado.Expected(), await ado.StoredAsync());
        Assert.Equal(5000 - before.Count, ado.Fake.Journal.All.Where(r => r.Kind == "batch").Sum(r => r.Count));
    }
}
