using OkrLinker.Fakes;

namespace OkrLinker.Worker.Tests.AzureDevOps;

/// <summary>The Azure DevOps source against the fake: full and incremental syncs, the sweep, Server, narrowed scopes.</summary>
public sealed class AzureDevOpsSyncTests
{
    [Fact]
    public async Task A_full_sync_of_5000_work_items_over_two_projects_stores_exactly_the_data_set()
    {
        var data = FakeAzureDevOpsData.Generate(41);
        await using var ado = await AzureDevOpsHarness.StartAsync(data);

        var run = await ado.SyncAsync();

        Assert.Equal(0, run.ExitCode);
        var stored = await ado.StoredAsync();
        Assert.Equal(5000, stored.Count);
        Assert.Equal(ado.Expected(), stored);
        Assert.Equal(3000, stored.Count(s => s.Scope == "Shop"));
        Assert.Equal(["Epic", "Feature", "Task", "User Story"], stored.Select(s => s.Type).Distinct().Order());
        Assert.Contains(stored, s => s.Kr != "");
        Assert.Contains(stored, s => s.Tags.Contains(',', StringComparison.Ordinal));
        Assert.Contains(stored, s => s.Team == AzureDevOpsHarness.CheckoutTeam);
        // States only the process knows ("Triaged", "Ready for QA", "Dropped") are placed by its categories.
        Assert.Contains(stored, s => s.State == "Ready for QA" && s.Category == "Done");
        Assert.Contains(stored, s => s.State == "Dropped" && s.Category == "Removed");
    }
}
