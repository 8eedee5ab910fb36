using System.Text.Json;
using Microsoft.Data.Sqlite;
using OkrLinker.Worker.Tests.Support;

namespace OkrLinker.Worker.Tests.Cli;

/// <summary>
/// Deletion in saved files: an epic dropped from the export stops passing its KR on after
/// <c>sync --full</c> (its children fall to the component rule or are unlinked), while an epic whose
/// state is Removed still passes its KR on.
/// </summary>
public sealed class SavedFilesDeletionTests : IDisposable
{
    private const string Header = "key,title,type,state,team,labels,parent,points,created,components";
    private const string DeletedEpic = "PAY-1,Card retries,Epic,In Progress,payments,kr:O1-KR1,,,2026-11-02T09:00:00Z,";

    // W47: PAY-2, PAY-3 and PAY-6 are in progress; PAY-3 is a Checkout story, PAY-5 an epic cut as Removed.
    private static readonly string Backlog = string.Join('\n',
        Header,
        DeletedEpic,
        "PAY-2,Retry declined cards,Story,In Progress,payments,,PAY-1,3,2026-11-03T09:00:00Z,",
        "PAY-3,Retry button at checkout,Story,In Progress,payments,,PAY-1,2,2026-11-03T09:00:00Z,Checkout",
        "PAY-5,Wallets,Epic,Removed,payments,kr:O1-KR2,,,2026-11-02T09:00:00Z,",
        "PAY-6,Apple Pay button,Story,In Progress,payments,,PAY-5,5,2026-11-04T09:00:00Z,");

    private readonly TempConfig config = new TempConfig()
        .WithOkrs(TempConfig.GoodOkrs)
        .WithFile("samples/csv/backlog.csv", Backlog)
        .WithConfig(CsvConfig.Json(extra: """, "Linking": { "Rules": [ { "Field": "component", "Equals": "Checkout", "Kr": "O1-KR2" } ] }"""));

    public void Dispose() => config.Dispose();

    [Fact]
    public async Task Children_of_an_epic_deleted_from_the_export_are_unlinked_or_fall_to_a_rule_and_those_of_a_removed_epic_inherit()
    {
        Assert.Equal(0, (await config.RunAsync("sync")).ExitCode);
        Assert.Equal(
            [("PAY-1", "Explicit", "label kr:O1-KR1"), ("PAY-2", "Inherited", "PAY-1"), ("PAY-3", "Inherited", "PAY-1"),
             ("PAY-5", "Explicit", "label kr:O1-KR2"), ("PAY-6", "Inherited", "PAY-5")],
            await LinksAsync());

        config.WithFile("samples/csv/backlog.csv", Backlog.Replace(DeletedEpic + "\n", "", StringComparison.Ordinal));
        var sync = await config.RunAsync("sync", "--full");

        Assert.Contains("csv               4 read      0 new      0 changed     1 removed", sync.Out, StringComparison.Ordinal);
        Assert.Equal(
            [("PAY-1", "Explicit", "label kr:O1-KR1"), ("PAY-3", "Rule", "rule 0"), ("PAY-5", "Explicit", "label kr:O1-KR2"), ("PAY-6", "Inherited", "PAY-5")],
            await LinksAsync());
        using var report = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(config.OutFolder, "report-2026-W47.json")));
        var unlinked = Assert.Single(report.RootElement.GetProperty("unlinkedItems").EnumerateArray());
        Assert.Equal("PAY-2", unlinked.GetProperty("key").GetString());
        Assert.StartsWith(
            "Its epic PAY-1 is gone from the tracker (not returned since ",
            unlinked.GetProperty("link").GetProperty("why")[2].GetString(),
            StringComparison.Ordinal);
    }

    // Relinks through the report verb, then reads the links it stored: (key, reason, via) by key.
    private async Task<List<(string Key, string Reason, string? Via)>> LinksAsync()
    {
        Assert.Equal(0, (await config.RunAsync("report")).ExitCode);
        await using var db = new SqliteConnection($"Data Source={Path.Combine(config.Root, "data", "okrlinker.db")};Pooling=False");
        await db.OpenAsync();
        await using var command = db.CreateCommand();
        command.CommandText = "SELECT w.Key, l.Reason, l.Via FROM links l JOIN work_items w ON w.Source = l.Source AND w.ExternalId = l.ExternalId ORDER BY w.Key";
        await using var reader = await command.ExecuteReaderAsync();
        var links = new List<(string, string, string?)>();
        while (await reader.ReadAsync())
        {
            links.Add((reader.GetString(0), reader.GetString(1), reader.IsDBNull(2) ? null : reader.GetString(2)));
        }

        return links;
    }
}
