using System.Diagnostics;
using Microsoft.Data.Sqlite;
using OkrLinker.Fakes;
using OkrLinker.Worker.Tests.GitHub;

namespace OkrLinker.Worker.Tests.Scheduling;

/// <summary>SIGTERM to a real worker process in the middle of a sync of the fake GitHub.</summary>
public sealed class GracefulStopTests
{
    [Fact]
    public async Task Sigterm_during_a_sync_ends_after_the_current_page_with_its_cursor_committed_and_the_next_run_completes()
    {
        var data = FakeGitHubData.Generate(50, "acme", ["web"], 1500);
        await using var gh = await GitHubHarness.StartAsync(data, ["web"]);
        gh.Fake.Faults.AddRandom("GET /repos/*/issues", FakeFault.Slow(TimeSpan.FromMilliseconds(250)), probability: 1, seed: 5);

        using var worker = gh.StartProcess("run");
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (ListPages(gh) < 4 && !worker.HasExited && DateTime.UtcNow < deadline)
        {
            await Task.Delay(10);
        }

        Assert.False(worker.HasExited, "the worker stopped before the sync got going");
        var signalled = Stopwatch.StartNew();
        using (var kill = Process.Start("kill", $"-TERM {worker.Id}"))
        {
            await kill.WaitForExitAsync();
        }

        await worker.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(20));

        Assert.Equal(0, worker.ExitCode);
        Assert.True(signalled.Elapsed < TimeSpan.FromSeconds(10), $"stopping took {signalled.Elapsed}, more than the 10 s grace");
        var (cursor, lastSuccess) = await ScopeAsync(gh);
        Assert.NotNull(cursor);
        Assert.Null(lastSuccess); // stopped part-way: not a complete sync
        var partial = (await gh.StoredAsync()).Count;
        Assert.InRange(partial, 100, 1499);

        var run = await gh.SyncAsync();

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(gh.Expected(), await gh.StoredAsync());
    }

    private static int ListPages(GitHubHarness gh) =>
        gh.Fake.Requests.Where(r => r.Path.EndsWith("/issues", StringComparison.Ordinal) && r.Query.Contains("direction=asc", StringComparison.Ordinal) && r.Status == 200).Count;

    private static async Task<(string? Cursor, object? LastSuccess)> ScopeAsync(GitHubHarness gh)
    {
        await using var db = new SqliteConnection($"Data Source={gh.DatabasePath};Pooling=False");
        await db.OpenAsync();
        await using var command = db.CreateCommand();
        command.CommandText = "SELECT Cursor, LastSuccessAt FROM scopes WHERE ScopeId = 'acme/web'";
        await using var reader = await command.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync());
        return (reader.IsDBNull(0) ? null : reader.GetString(0), reader.IsDBNull(1) ? null : reader.GetValue(1));
    }
}
