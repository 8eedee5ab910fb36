using OkrLinker.Fakes;
using Xunit.Abstractions;

namespace OkrLinker.Worker.Tests.AzureDevOps;

/// <summary>Request counts from the fake's journal: what a sync of a large collection costs.</summary>
public sealed class AzureDevOpsRequestEconomyTests(ITestOutputHelper output)
{
    [Fact]
    public async Task A_full_sync_of_5000_items_makes_25_batch_requests_and_a_resync_without_change_one_query_per_project()
    {
        var data = FakeAzureDevOpsData.Generate(48);
        await using var ado = await AzureDevOpsHarness.StartAsync(data);

        Assert.Equal(0, (await ado.SyncAsync()).ExitCode);

        var full = ado.Fake.Journal.All;
        var stored = await ado.StoredAsync();
        Assert.Equal(ado.Expected(), stored);
        output.WriteLine($"full sync: {full.Count} requests: " + string.Join(", ", full.GroupBy(r => r.Kind).Select(g => $"{g.Count()} {g.Key}")));
        Assert.Equal(25, full.Count(r => r.Kind == "batch"));
        // Shop: 3 slices of 1,000 and the empty one that ends the read; Mobile: 2 and 1.
        Assert.Equal([1000, 1000, 1000, 0, 1000, 1000, 0], full.Where(r => r.Kind == "wiql").Select(r => r.Count));
        // One states read per work item type of each project: Epic, Feature, User Story, Task.
        Assert.Equal(8, full.Count(r => r.Kind == "states"));
        Assert.Equal(40, full.Count);

        ado.Fake.Journal.Clear();
        Assert.Equal(0, (await ado.SyncAsync()).ExitCode);

        var again = ado.Fake.Journal.All;
        output.WriteLine($"re-sync without change: {again.Count} requests: {string.Join(", ", again.Select(r => $"{r.Kind} {r.Status} ({r.Count} ids)"))}");
        Assert.Equal([("wiql", 200, 0), ("wiql", 200, 0)], again.Select(r => (r.Kind, r.Status, r.Count)));
        Assert.Equal(stored, await ado.StoredAsync());
    }
}
