using System.Diagnostics;
using System.Globalization;
using System.Reflection;
using Microsoft.EntityFrameworkCore.Migrations;
using OkrLinker.Fakes;
using OkrLinker.Fakes.Jira;
using OkrLinker.Worker.Tests.Delivery.Support;
using Xunit.Abstractions;

namespace OkrLinker.Worker.Tests.Cluster;

/// <summary>
/// Real <c>okrlinker run</c> processes sharing one PostgreSQL through Quartz's clustered job store (DESIGN.md §10),
/// against the fake Jira; which node ran what comes from Quartz's execution history in the database.
/// </summary>
public sealed class ClusterTests(ITestOutputHelper output)
{
    private static readonly TimeSpan SyncPeriod = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan SweepPeriod = TimeSpan.FromSeconds(20);
    private static readonly TimeSpan SweepOffset = TimeSpan.FromSeconds(5);

    [Fact]
    public async Task Three_nodes_share_30_scopes_so_every_trigger_fires_exactly_once_and_the_weekly_report_goes_out_once()
    {
        var projects = ClusterHarness.ProjectKeys(30);
        var data = FakeJiraData.Generate(7, projects, 300);
        await using var hook = await HttpReceiver.AlwaysAsync(WebhookReply.Ok);
        var reportAt = DateTimeOffset.UtcNow.AddSeconds(50);
        using var cluster = await ClusterHarness.StartAsync(data, new FakeJiraOptions(), new Dictionary<string, object?>
        {
            ["SourceSchedule"] = "0/10 * * * * ?",
            // No node dies here: a check-in that a loaded machine delays past the threshold would have its running
            // firings recovered by another node and counted twice (seen at load 40 with 5 s), so the threshold is wide.
            ["Worker"] = new { SweepSchedule = "5/20 * * * * ?", ClusterCheckinInterval = "00:00:01", ClusterCheckinMisfireThreshold = "00:00:30" },
            ["Report"] = new
            {
                Week = "2026-W47",
                TimeZone = "UTC",
                Output = "../out",
                Schedule = string.Create(CultureInfo.InvariantCulture, $"{reportAt.Second} {reportAt.Minute} {reportAt.Hour} * * ?"),
                Deliver = new[] { new { Kind = "slack", WebhookEnv = "CLUSTER_HOOK" } },
            },
        }, new Dictionary<string, string> { ["CLUSTER_HOOK"] = hook.WebhookUrl("cluster") });

        for (var i = 0; i < 3; i++)
        {
            cluster.StartNode();
        }

        await WaitAsync(async () => (await cluster.StoredAsync()).Count == 300, TimeSpan.FromSeconds(120), "every scope's first sync", cluster);
        var from = DateTimeOffset.UtcNow;
        await Task.Delay(Max(reportAt.AddSeconds(10) - DateTimeOffset.UtcNow, TimeSpan.FromSeconds(40)));
        var until = DateTimeOffset.UtcNow;
        await cluster.StopAllAsync();

        var runs = await cluster.RunsAsync();
        var scopeRuns = runs.Where(r => r.Trigger.StartsWith("sync:", StringComparison.Ordinal) || r.Trigger.StartsWith("sweep:", StringComparison.Ordinal)).ToList();
        foreach (var node in runs.GroupBy(r => r.Node))
        {
            output.WriteLine($"{node.Key}: {node.Count()} runs ({node.Count(r => r.Trigger.StartsWith("sync:", StringComparison.Ordinal))} sync, {node.Count(r => r.Trigger.StartsWith("sweep:", StringComparison.Ordinal))} sweep, {node.Count(r => r.Job == "refresh")} refresh, {node.Count(r => r.Job == "weekly-report")} report)");
        }

        // Each slot of each trigger inside the watched window ran once, on one node: no slot lost, none doubled.
        foreach (var project in projects)
        {
            AssertEachSlotOnce(scopeRuns, $"sync:jira:{project}", from, until, SyncPeriod, TimeSpan.Zero);
            AssertEachSlotOnce(scopeRuns, $"sweep:jira:{project}", from, until, SweepPeriod, SweepOffset);

            // The fake's journal agrees: every run of the scope's job searched its project (a sync may search twice).
            var scopeJobRuns = runs.Count(r => r.Job == $"jira:{project}");
            Assert.InRange(cluster.SearchesFor(project), scopeJobRuns, scopeJobRuns * 2);
        }

        Assert.True(scopeRuns.Select(r => r.Node).Distinct().Count() >= 2, "only one node did the scopes' work");
        Assert.Equal(3, cluster.Nodes.Count(n => n.ExitCode == 0));
        Assert.Single(runs, r => r.Job == "weekly-report");
        Assert.Single(hook.Requests);
        Assert.Equal(cluster.Expected(), await cluster.StoredAsync());
    }

    [Fact]
    public async Task A_node_killed_in_the_middle_of_a_sync_has_its_job_recovered_by_another_and_the_store_ends_equal_to_the_data_set()
    {
        var data = FakeJiraData.Generate(11, ["PAY"], 1500);
        using var cluster = await ClusterHarness.StartAsync(data, new FakeJiraOptions(), new Dictionary<string, object?>
        {
            // Only the start-up catch-up syncs; a second run can only come from recovery.
            ["SourceSchedule"] = "0 0 3 1 1 ?",
            ["Worker"] = new { SweepSchedule = "0 30 3 1 1 ?", ClusterCheckinInterval = "00:00:01", ClusterCheckinMisfireThreshold = "00:00:03" },
            ["Logging"] = new Dictionary<string, object> { ["LogLevel"] = new Dictionary<string, string> { ["Quartz"] = "Information" } },
            ["Report"] = new { Week = "2026-W47", TimeZone = "UTC", Output = "../out" },
        });
        cluster.Fake.Faults.AddRandom("POST /rest/api/*/search*", FakeFault.Slow(TimeSpan.FromMilliseconds(300)), probability: 1, seed: 3);
        cluster.StartNode();
        cluster.StartNode();

        await WaitAsync(() => Task.FromResult(cluster.Fake.SearchRequests >= 4), TimeSpan.FromSeconds(120), "four pages of the first sync", cluster);
        var victim = cluster.Nodes.Single(n => n.Logged("Syncing jira/PAY (full"));
        var survivor = cluster.Nodes.Single(n => n != victim);
        await victim.KillAsync();
        var killed = Stopwatch.StartNew();

        await WaitAsync(() => Task.FromResult(survivor.Logged("recovering: True")), TimeSpan.FromSeconds(60), "the survivor recovering the sync", cluster);
        var recovered = killed.Elapsed;
        await WaitAsync(() => Task.FromResult(survivor.Logged("Synced jira/PAY")), TimeSpan.FromSeconds(120), "the recovered sync finishing", cluster);
        var finished = killed.Elapsed;
        output.WriteLine($"failover: recovery started {recovered.TotalSeconds:F1} s after the SIGKILL, the sync finished {finished.TotalSeconds:F1} s after it");
        await survivor.StopAsync();

        Assert.Equal(0, survivor.ExitCode);
        Assert.Equal(cluster.Expected(), await cluster.StoredAsync());
        Assert.Equal(1500, await cluster.CountAsync("SELECT count(DISTINCT \"ExternalId\") FROM work_items"));
    }

    [Fact]
    public async Task Three_nodes_started_together_on_an_empty_database_migrate_it_once_and_all_run()
    {
        var projects = ClusterHarness.ProjectKeys(3);
        using var cluster = await ClusterHarness.StartAsync(FakeJiraData.Generate(5, projects, 30), new FakeJiraOptions(), new Dictionary<string, object?>
        {
            ["Worker"] = new { ClusterCheckinInterval = "00:00:01", ClusterCheckinMisfireThreshold = "00:00:05" },
            ["Report"] = new { Week = "2026-W47", TimeZone = "UTC", Output = "../out" },
        });

        for (var i = 0; i < 3; i++)
        {
            cluster.StartNode();
        }

        await WaitAsync(async () => await cluster.CountAsync("SELECT count(*) FROM qrtz_scheduler_state") == 3, TimeSpan.FromSeconds(120), "three nodes checked in", cluster);
        await WaitAsync(async () => (await cluster.StoredAsync()).Count == 30, TimeSpan.FromSeconds(60), "the three scopes synced", cluster);
        var migrations = Assembly.Load("Linker.Store.Postgres").GetTypes().Count(t => t.GetCustomAttribute<MigrationAttribute>() is not null);
        await cluster.StopAllAsync();

        Assert.True(migrations > 0);
        Assert.Equal(migrations, await cluster.CountAsync("SELECT count(*) FROM \"__EFMigrationsHistory\""));
        Assert.All(cluster.Nodes, n => Assert.Equal(0, n.ExitCode));
        foreach (var node in cluster.Nodes)
        {
            var lines = node.Lines.ToList();
            var failure = lines.FindIndex(l => l.StartsWith("fail:", StringComparison.Ordinal));
            Assert.True(failure < 0, string.Join('\n', lines.Skip(failure).Take(12)));
        }

        Assert.Equal(cluster.Expected(), await cluster.StoredAsync());
    }

    private static void AssertEachSlotOnce(List<ClusterRun> runs, string trigger, DateTimeOffset from, DateTimeOffset until, TimeSpan period, TimeSpan offset)
    {
        var mine = runs.Where(r => r.Trigger == trigger).Select(r => r.FiredAt).ToList();
        for (var slot = SlotAfter(from, period, offset); slot + period <= until; slot += period)
        {
            var at = slot;
            Assert.True(mine.Count(f => f >= at && f < at + period) == 1, $"{trigger}: {mine.Count(f => f >= at && f < at + period)} runs in the slot at {at:HH:mm:ss}");
        }
    }

    private static DateTimeOffset SlotAfter(DateTimeOffset at, TimeSpan period, TimeSpan offset)
    {
        var ticks = ((at - offset).UtcTicks / period.Ticks + 1) * period.Ticks;
        return new DateTimeOffset(ticks, TimeSpan.Zero) + offset;
    }

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;

    private async Task WaitAsync(Func<Task<bool>> reached, TimeSpan limit, string what, ClusterHarness cluster)
    {
        var deadline = DateTime.UtcNow + limit;
        while (!await reached())
        {
            if (DateTime.UtcNow > deadline || cluster.Nodes.Any(n => n.HasExited && !n.Killed))
            {
                foreach (var node in cluster.Nodes)
                {
                    output.WriteLine(string.Join('\n', node.Lines.TakeLast(60)));
                }

                Assert.Fail($"waited {limit} for {what}\n{await cluster.DescribeAsync()}");
            }

            await Task.Delay(200);
        }
    }
}
