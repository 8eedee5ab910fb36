using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using OkrLinker.Core.Configuration;
using OkrLinker.Core.Figures;
using OkrLinker.Core.Items;
using OkrLinker.Core.Linking;
using OkrLinker.Core.Okrs;
using OkrLinker.Core.Reports;
using OkrLinker.Core.Sources;
using OkrLinker.Core.Store;
using OkrLinker.Core.Sync;
using OkrLinker.Core.Tests.Support;

namespace OkrLinker.Core.Tests.Reports;

public abstract class ReportBuilderTests(string provider) : IAsyncLifetime, IDisposable
{
    private static readonly DateTimeOffset Now = new(2026, 11, 22, 12, 0, 0, TimeSpan.Zero);
    private static readonly IsoWeek W47 = new(2026, 47);

    private static readonly OkrSet Okrs = OkrLoader.Parse("""
        period: { name: 2026-Q4, start: 2026-10-01, end: 2026-12-31 }
        objectives:
          - id: O1
            title: New users quickly find value in the product
            keyResults:
              - { id: O1-KR1, title: Raise activation from 35% to 50%, baseline: 35, target: 50 }
              - { id: O1-KR2, title: Cut time to value from 9 to 4 minutes, baseline: 9, target: 4 }
        """, "okrs.yaml");

    private readonly FakeTimeProvider clock = new(Now);
    private TempStore store = null!;
    private ReportBuilder builder = null!;

    public async Task InitializeAsync()
    {
        store = await TempStore.CreateAsync(provider);
        var options = Options.Create(new LinkerOptions());
        builder = new ReportBuilder(store, new LinkRunner(store, options), options, clock);

        // A: in progress since W43, tagged. B: in progress since W45, unlinked.
        // C: created in W44, resolved in W46, unlinked.
        var source = new FakeSource("jira", [
            Item("PAY-1", StateCategory.InProgress, new(2026, 10, 20, 9, 0, 0, TimeSpan.Zero), null, "kr:O1-KR1"),
            Item("PAY-2", StateCategory.InProgress, new(2026, 11, 4, 9, 0, 0, TimeSpan.Zero), null),
            Item("PAY-3", StateCategory.Done, new(2026, 10, 27, 9, 0, 0, TimeSpan.Zero), new(2026, 11, 11, 9, 0, 0, TimeSpan.Zero)),
        ]);
        await new SyncEngine(store, clock, NullLogger<SyncEngine>.Instance)
            .SyncScopeAsync(source, new SourceScope("jira", FakeSource.ScopeId), full: false, null, CancellationToken.None);
    }

    public void Dispose()
    {
        builder.Dispose();
        GC.SuppressFinalize(this);
    }

    public Task DisposeAsync()
    {
        store.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task The_report_carries_the_week_the_figures_and_the_links_it_stored()
    {
        var report = await builder.BuildAsync(Okrs, W47, CancellationToken.None);

        // W47: PAY-1 and PAY-2 in progress; PAY-3 was resolved the week before. 1 of 2 unlinked.
        Assert.Equal(("2026-W47", "2026-Q4", Now), (report.Week, report.Period, report.GeneratedAt));
        Assert.Equal((2, 1, 0, 1, 0.5), (report.Totals.Items, report.Totals.Linked, report.Totals.Bau, report.Totals.Unlinked, report.Totals.UnlinkedShare));
        await using var db = store.CreateDbContext();
        var link = await db.Links.SingleAsync();
        Assert.Equal(("PAY-1", "O1-KR1", "Explicit"), (await db.WorkItems.Where(w => w.ExternalId == link.ExternalId).Select(w => w.Key).SingleAsync(), link.KrId, link.Reason));
    }

    [Fact]
    public async Task The_week_is_snapshotted_and_the_trend_prefers_snapshots_over_reconstruction()
    {
        await using (var db = store.CreateDbContext())
        {
            db.WeeklySnapshots.Add(new WeeklySnapshotRow { Week = "2026-W45", Items = 10, Unlinked = 1, UnlinkedShare = 0.1 });
            await db.SaveChangesAsync();
        }

        var report = await builder.BuildAsync(Okrs, W47, CancellationToken.None);

        // Reconstructed: an item counts when created before the week ended and resolved inside it or not by its start.
        // W40–W42 hold nothing and are left out. W43: PAY-1 → 0/1. W44: PAY-1, PAY-3 → 1/2.
        // W45: the snapshot's 0.1. W46: PAY-1, PAY-2, PAY-3 (resolved 11-11) → 2/3. W47: this report, 1/2.
        Assert.Equal(
            [
                new TrendPoint("2026-W43", 0, true),
                new TrendPoint("2026-W44", 0.5, true),
                new TrendPoint("2026-W45", 0.1, false),
                new TrendPoint("2026-W46", 0.6667, true),
                new TrendPoint("2026-W47", 0.5, false),
            ],
            report.Trend);

        await using var check = store.CreateDbContext();
        var snapshot = await check.WeeklySnapshots.SingleAsync(s => s.Week == "2026-W47");
        Assert.Equal((2, 1, 0, 1, 0.5, Now), (snapshot.Items, snapshot.Linked, snapshot.Bau, snapshot.Unlinked, snapshot.UnlinkedShare, snapshot.TakenAt));
    }

    [Fact]
    public async Task A_rebuild_rewrites_the_current_week_but_its_delivery_time_and_leaves_a_delivered_past_week_as_it_was()
    {
        var delivered = new DateTimeOffset(2026, 11, 16, 8, 0, 0, TimeSpan.Zero);
        var takenBefore = new DateTimeOffset(2026, 11, 15, 7, 30, 0, TimeSpan.Zero);
        await builder.BuildAsync(Okrs, W47, CancellationToken.None);
        await using (var db = store.CreateDbContext())
        {
            var w47 = await db.WeeklySnapshots.SingleAsync(s => s.Week == "2026-W47");
            w47.DeliveredAt = delivered;
            w47.Items = 40;
            db.WeeklySnapshots.Add(new WeeklySnapshotRow { Week = "2026-W46", Items = 99, UnlinkedShare = 0.9, TakenAt = takenBefore, DeliveredAt = delivered });
            db.WeeklySnapshots.Add(new WeeklySnapshotRow { Week = "2026-W45", Items = 98, UnlinkedShare = 0.8, TakenAt = takenBefore });
            await db.SaveChangesAsync();
        }

        clock.Advance(TimeSpan.FromMinutes(5));
        await builder.BuildAsync(Okrs, W47, CancellationToken.None);
        await builder.BuildAsync(Okrs, new IsoWeek(2026, 46), CancellationToken.None);
        await builder.BuildAsync(Okrs, new IsoWeek(2026, 45), CancellationToken.None);

        // W47 (this week): the figures and time of the rebuild, the delivery time kept. W46: delivered and past, untouched.
        // W45: past but never delivered, rebuilt from today's states: PAY-1 and PAY-2 in progress and created before it ended,
        // PAY-3 resolved after it (11-11): 1 of 2 unlinked.
        await using var check = store.CreateDbContext();
        var rows = await check.WeeklySnapshots.AsNoTracking().OrderBy(s => s.Week)
            .Select(s => new { s.Week, s.Items, s.Unlinked, s.UnlinkedShare, s.From, s.To, s.TakenAt, s.DeliveredAt, Stored = s.ReportJsonGzip != null })
            .ToListAsync();
        var rebuilt = Now.AddMinutes(5);
        Assert.Equal(
            [
                new { Week = "2026-W45", Items = 2, Unlinked = 1, UnlinkedShare = 0.5, From = new DateTimeOffset(2026, 11, 2, 0, 0, 0, TimeSpan.Zero), To = new DateTimeOffset(2026, 11, 9, 0, 0, 0, TimeSpan.Zero), TakenAt = rebuilt, DeliveredAt = (DateTimeOffset?)null, Stored = true },
                new { Week = "2026-W46", Items = 99, Unlinked = 0, UnlinkedShare = 0.9, From = default(DateTimeOffset), To = default(DateTimeOffset), TakenAt = takenBefore, DeliveredAt = (DateTimeOffset?)delivered, Stored = false },
                new { Week = "2026-W47", Items = 2, Unlinked = 1, UnlinkedShare = 0.5, From = new DateTimeOffset(2026, 11, 16, 0, 0, 0, TimeSpan.Zero), To = new DateTimeOffset(2026, 11, 23, 0, 0, 0, TimeSpan.Zero), TakenAt = rebuilt, DeliveredAt = (DateTimeOffset?)delivered, Stored = true },
            ],
            rows);
    }

    [Fact]
    public async Task Building_the_same_week_twice_gives_the_same_report()
    {
        var first = await builder.BuildAsync(Okrs, W47, CancellationToken.None);
        clock.Advance(TimeSpan.FromMinutes(5));

        var second = await builder.BuildAsync(Okrs, W47, CancellationToken.None);

        Assert.Equal(Render(first with { GeneratedAt = default }), Render(second with { GeneratedAt = default }));
    }

    [Fact]
    public async Task Unlinked_items_carry_their_suggestions_in_the_json_up_to_the_cap_and_none_when_turned_off()
    {
        // PAY-5, tagged, was worked on in the four weeks before W47 ends; PAY-1 (tagged) was last touched before them.
        // (From a second source: the first one's cursor is past its three items.)
        var more = new FakeSource("jira2", [Item("PAY-5", StateCategory.ToDo, new(2026, 11, 10, 9, 0, 0, TimeSpan.Zero), null, "kr:O1-KR2") with { Source = "jira2" }]);
        await new SyncEngine(store, clock, NullLogger<SyncEngine>.Instance)
            .SyncScopeAsync(more, new SourceScope("jira2", FakeSource.ScopeId), full: false, null, CancellationToken.None);
        var capped = new LinkerOptions { Report = { Suggestions = { MaxItems = 0 } } };
        var off = new LinkerOptions { Report = { Suggestions = { Enabled = false } } };
        using var cappedBuilder = new ReportBuilder(store, new LinkRunner(store, Options.Create(capped)), Options.Create(capped), clock);
        using var offBuilder = new ReportBuilder(store, new LinkRunner(store, Options.Create(off)), Options.Create(off), clock);

        var report = await builder.BuildAsync(Okrs, W47, CancellationToken.None);
        var none = await cappedBuilder.BuildAsync(Okrs, W47, CancellationToken.None);
        var notComputed = await offBuilder.BuildAsync(Okrs, W47, CancellationToken.None);

        var unlinked = System.Text.Json.Nodes.JsonNode.Parse(Render(report))!["unlinkedItems"]!.AsArray();
        Assert.Equal(
            """[{"kr":"O1-KR2","score":0.4,"evidence":["1 of 1 linked item of team payments updated in the last 4 weeks serves O1-KR2"]}]""",
            Assert.Single(unlinked)!["suggestions"]!.ToJsonString());
        Assert.Null(Assert.Single(System.Text.Json.Nodes.JsonNode.Parse(Render(none))!["unlinkedItems"]!.AsArray())!["suggestions"]);
        Assert.Equal(Render(none with { GeneratedAt = default }), Render(notComputed with { GeneratedAt = default }));
    }

    [Fact]
    public void The_week_is_the_one_asked_else_the_pinned_one_else_the_current_one()
    {
        using var pinned = new ReportBuilder(store, new LinkRunner(store, Options.Create(new LinkerOptions())), Options.Create(new LinkerOptions { Report = { Week = "2026-W40" } }), clock);
        using var auckland = new ReportBuilder(store, new LinkRunner(store, Options.Create(new LinkerOptions())), Options.Create(new LinkerOptions { Report = { TimeZone = "Pacific/Auckland" } }), new FakeTimeProvider(new DateTimeOffset(2026, 11, 22, 12, 0, 0, TimeSpan.Zero)));

        Assert.Equal(new IsoWeek(2026, 30), pinned.ResolveWeek(new IsoWeek(2026, 30)));
        Assert.Equal(new IsoWeek(2026, 40), pinned.ResolveWeek(null));
        Assert.Equal(new IsoWeek(2026, 47), builder.ResolveWeek(null));
        // Sunday 12:00 UTC is already Monday 01:00 in Auckland (UTC+13 in November): week 48 there.
        Assert.Equal(new IsoWeek(2026, 48), auckland.ResolveWeek(null));
    }

    private static string Render(WeeklyReport report) => System.Text.Json.JsonSerializer.Serialize(report, ReportJson.Options);

    private static WorkItem Item(string key, StateCategory category, DateTimeOffset created, DateTimeOffset? resolved, params string[] labels) => new()
    {
        Source = "jira",
        ExternalId = key,
        Key = key,
        Title = key,
        Type = "Story",
        State = category.ToString(),
        Category = category,
        Team = "payments",
        Labels = labels,
        Created = created,
        Updated = resolved ?? created,
        Resolved = resolved,
    };
}

/// <summary>The suite on a SQLite file.</summary>
public sealed class ReportBuilderOnSqliteTests() : ReportBuilderTests(StoreProvider.Sqlite);

/// <summary>The suite on PostgreSQL.</summary>
public sealed class ReportBuilderOnPostgresTests() : ReportBuilderTests(StoreProvider.Postgres);
