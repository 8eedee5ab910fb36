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

    [Fact]
    public async Task Edits_creations_deletions_and_a_move_converge_and_the_sweep_marks_the_deleted_removed()
    {
        var data = FakeAzureDevOpsData.Generate(42, [new("Shop", 600, FakeAdoProcess.Agile), new("Mobile", 400, FakeAdoProcess.Custom)]);
        await using var ado = await AzureDevOpsHarness.StartAsync(data);
        Assert.Equal(0, (await ado.SyncAsync()).ExitCode);

        var before = data.Snapshot();
        var shop = before.Where(i => i.Project == "Shop").ToList();
        var story = before.First(i => i.Project == "Mobile" && i.Type == "User Story" && i.State == "Active");
        data.Edit(shop[10].Id, i => i with { Title = "Edited title", Tags = ["kr:O1-KR2", "edited"] });
        data.Edit(story.Id, i => i with { State = "Ready for QA", Closed = data.Latest });
        var created = data.Create("Mobile", "Task", "Brand new task", shape: i => i with { Parent = story.Id, Tags = ["kr:O1-KR1"] });
        var deleted = new[] { shop[20], shop[21] };
        data.Delete(deleted[0].Id);
        data.Delete(deleted[1].Id);
        var leaf = shop.Last(i => i.Type == "Task" && deleted.All(d => d.Id != i.Id));
        data.Move(leaf.Id, "Mobile");
        ado.Fake.Journal.Clear();

        Assert.Equal(0, (await ado.SyncAsync()).ExitCode);

        // Edits, the new task and the moved one (stored once, under its new project) arrive; the deleted stay as they were.
        var stored = await ado.StoredAsync();
        Assert.Equal(1001, stored.Count);
        Assert.Equal(ById([.. ado.Expected(), .. deleted.Select(ado.Expect)]), stored);
        Assert.Equal("Mobile", stored.Single(s => s.Id == Id(leaf.Id)).Scope);
        Assert.Equal("Done", stored.Single(s => s.Id == Id(story.Id)).Category);
        Assert.Equal(Id(story.Id), stored.Single(s => s.Id == Id(created.Id)).ParentId);
        // One slice and one batch per project (one change in Shop, three in Mobile).
        Assert.Equal(2, ado.Fake.Journal.OfKind("wiql").Count);
        Assert.Equal(2, ado.Fake.Journal.OfKind("batch").Count);

        Assert.Equal(0, (await ado.SyncAsync("--full")).ExitCode);

        Assert.Equal(ById([.. ado.Expected(), .. deleted.Select(d => ado.Expect(d) with { Category = "Removed" })]), await ado.StoredAsync());
    }

    [Fact]
    public async Task An_azure_devops_server_collection_refusing_7_1_is_read_with_7_0()
    {
        var data = FakeAzureDevOpsData.Generate(44, [new("Shop", 300, FakeAdoProcess.Agile)], organization: "DefaultCollection");
        await using var ado = await AzureDevOpsHarness.StartAsync(data, new FakeAzureDevOpsOptions { MaxApiVersion = "7.0" });

        var run = await ado.SyncAsync();

        Assert.Equal(0, run.ExitCode);
        Assert.EndsWith("/DefaultCollection", ado.BaseUrl, StringComparison.Ordinal);
        Assert.Equal(ado.Expected(), await ado.StoredAsync());
        var journal = ado.Fake.Journal.All;
        Assert.Equal((400, "api-version=7.1"), (journal[0].Status, Version(journal[0].Query)));
        Assert.All(journal.Skip(1), r => Assert.Equal((200, "api-version=7.0"), (r.Status, Version(r.Query))));
    }

    [Fact]
    public async Task Area_paths_and_a_wiql_condition_narrow_what_a_project_syncs()
    {
        var data = FakeAzureDevOpsData.Generate(45, [new("Shop", 500, FakeAdoProcess.Agile)]);
        await using var ado = await AzureDevOpsHarness.StartAsync(data, source: new Dictionary<string, object?>
        {
            ["AreaPaths"] = new[] { "Shop\\Checkout" },
            ["Wiql"] = "[System.WorkItemType] <> 'Task'",
        });

        var run = await ado.SyncAsync();

        Assert.Equal(0, run.ExitCode);
        var expected = ado.Expected().Where(e => e.Area == "Shop\\Checkout" && e.Type != "Task").ToList();
        Assert.InRange(expected.Count, 50, 200);
        Assert.Equal(expected, await ado.StoredAsync());
    }

    private static string Id(int id) => id.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static List<StoredWorkItem> ById(IEnumerable<StoredWorkItem> items) =>
        [.. items.OrderBy(i => int.Parse(i.Id, System.Globalization.CultureInfo.InvariantCulture))];

    private static string Version(string query) => query.Split('&', '?').First(p => p.StartsWith("api-version=", StringComparison.Ordinal));
}
