using Microsoft.Data.Sqlite;
using OkrLinker.Worker.Tests.Support;

namespace OkrLinker.Worker.Tests.Cli;

/// <summary>
/// A 50,000-row export used to fail the sync with SQLite's "too many SQL variables" when one CSV file
/// was one page (issue 11); now streamed as pages, it syncs, and syncs again without changing anything.
/// </summary>
public sealed class LargeCsvSyncTests : IDisposable
{
    private const int Rows = 50_000;
    private readonly TempConfig config = new TempConfig()
        .WithOkrs(TempConfig.GoodOkrs)
        .WithFile("samples/csv/backlog.csv", Backlog(Rows));

    public void Dispose() => config.Dispose();

    [Fact]
    public async Task A_50000_row_csv_file_syncs_whole_and_a_full_resync_changes_nothing()
    {
        config.WithConfig(CsvConfig.Json());

        var first = await config.RunAsync("sync");
        var stored = await CountsAsync();
        var again = await config.RunAsync("sync", "--full");

        Assert.True(first.ExitCode == 0, first.Out + first.Error);
        Assert.True(again.ExitCode == 0, again.Out + again.Error);
        Assert.Equal(50_000L, stored.Items);
        Assert.Equal(stored, await CountsAsync());
    }

    // Every 10th row a bug (BAU), every 7th tagged, each story under the epic row before it.
    private static string Backlog(int rows) =>
        CsvConfig.Header + "\n" + string.Join("\n", Enumerable.Range(1, rows).Select(n =>
            n % 50 == 1
                ? $"BIG-{n},Epic {n},Epic,In Progress,payments,,,,2026-11-02T09:00:00Z,"
                : $"BIG-{n},Item {n},{(n % 10 == 0 ? "Bug" : "Story")},In Progress,payments,{(n % 7 == 0 ? "kr:O1-KR1" : "")},BIG-{n - ((n - 1) % 50)},3,2026-11-02T09:00:00Z,"));

    // The rows and when the last of them changed: a full re-read that finds every row as it was changes neither.
    private async Task<(long Items, long LastChanged)> CountsAsync()
    {
        await using var connection = new SqliteConnection($"Data Source={Path.Combine(config.Root, "data", "okrlinker.db")};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*), MAX(ChangedAt) FROM work_items";
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        return (reader.GetInt64(0), reader.GetInt64(1));
    }
}
