using OkrLinker.Fakes;
using OkrLinker.Worker.Tests.Support;

namespace OkrLinker.Worker.Tests.AzureDevOps;

/// <summary>A real process killed mid-sync, at a batch chosen by the seed, then run again (DESIGN.md §6).</summary>
public sealed class AzureDevOpsCrashSafetyTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public async Task A_sync_killed_at_a_random_page_and_restarted_stores_exactly_the_data_set(int seed)
    {
        var data = FakeAzureDevOpsData.Generate(70 + seed, [new("Shop", 1400, FakeAdoProcess.Agile), new("Mobile", 600, FakeAdoProcess.Custom)]);
        await using var ado = await AzureDevOpsHarness.StartAsync(data);
        // Slowed batches keep the child busy inside a page when the kill comes.
        ado.Fake.Faults.AddRandom("POST /_apis/wit/workitemsbatch", FakeFault.Slow(TimeSpan.FromMilliseconds(40)), probability: 1, seed: seed);
        var killAfter = new Random(seed).Next(2, 9); // batches served before the kill; 2,000 items take 10

        using (var child = ado.StartProcess("sync"))
        {
            await WorkerProcess.KillWhenAsync(child, () => ado.Fake.Journal.OfKind("batch").Count >= killAfter, $"{killAfter} batches were served");
        }

        var beforeRestart = (await ado.StoredAsync()).Count;
        Assert.InRange(beforeRestart, 0, 1999);
        var servedBeforeKill = ado.Fake.Journal.Count;

        var run = await ado.SyncAsync();

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(ado.Expected(), await ado.StoredAsync());
        var afterRestart = ado.Fake.Journal.All.Skip(servedBeforeKill).ToList();
        var batchesAfter = afterRestart.Count(r => r.Kind == "batch");
        // At most the page in flight is read twice: the restart reads what was not committed, plus that one page.
        Assert.InRange(batchesAfter, (2000 - beforeRestart) / 200, ((2000 - beforeRestart) / 200) + 1);
        if (beforeRestart is > 0 and < 1400)
        {
            // It resumed Shop from the committed cursor instead of starting over.
            Assert.Contains("[System.ChangedDate] >= '", afterRestart.First(r => r.Kind == "wiql").Wiql, StringComparison.Ordinal);
        }
    }
}
