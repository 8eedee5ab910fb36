using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using OkrLinker.Core.Configuration;
using OkrLinker.Core.Metrics;
using OkrLinker.Core.Okrs;
using OkrLinker.Core.Store;
using OkrLinker.Core.Tests.Support;

namespace OkrLinker.Core.Tests.Metrics;

/// <summary>
/// The pull into a real SQLite store. Period 2026-Q4 starts 2026-10-01 00:00 UTC (the first pull reads from 24 September); the clock stands at
/// 2026-10-05 12:00 UTC unless a test moves it; the fake series are daily at 00:00 UTC.
/// </summary>
public abstract class MetricPullerTests(string provider) : IAsyncLifetime
{
    private static readonly DateTimeOffset PeriodStart = new(2026, 10, 1, 0, 0, 0, TimeSpan.Zero);
    private readonly FakeTimeProvider clock = new(new DateTimeOffset(2026, 10, 5, 12, 0, 0, TimeSpan.Zero));
    private readonly FakeMetricProvider fake = new();
    private TempStore store = null!;

    public async Task InitializeAsync() => store = await TempStore.CreateAsync(provider);

    public Task DisposeAsync()
    {
        store.Dispose();
        return Task.CompletedTask;
    }

    private static MetricSpec FakeMetric(string query = "lead_time_days") => new("fake", query, "days");

    private static OkrSet Okrs(params KeyResult[] krs) => Some.Okrs(Some.Objective("O1", krs));

    private static KeyResult Kr(string id, double? baseline = null, double target = 1, MetricSpec? metric = null) =>
        Some.KeyResult(id, baseline, target, metric ?? FakeMetric());

    private MetricPuller Puller(params IMetricProvider[] providers) =>
        new(store, name => providers.FirstOrDefault(p => p.Name == name), Options.Create(new LinkerOptions()), clock, NullLogger<MetricPuller>.Instance);

    private async Task<List<MetricSampleRow>> SamplesAsync(string kr)
    {
        await using var db = store.CreateDbContext();
        return await db.MetricSamples.AsNoTracking().Where(s => s.KrId == kr).OrderBy(s => s.Id).ToListAsync();
    }

    private async Task<MetricBaselineRow?> BaselineAsync(string kr)
    {
        await using var db = store.CreateDbContext();
        return await db.MetricBaselines.AsNoTracking().SingleOrDefaultAsync(b => b.KrId == kr);
    }

    [Fact]
    public async Task The_first_pull_backfills_from_a_week_before_the_period_start_and_captures_the_baseline_with_its_provenance()
    {
        fake.WithDaily("O1-KR1", new DateOnly(2026, 9, 20), 9.9)
            .WithDaily("O1-KR1", new DateOnly(2026, 9, 29), 4.5, 4.2, 4.0, 3.8, 3.6, 3.5, 3.4, 3.3);
        var okrs = Okrs(Kr("O1-KR1"));

        var result = Assert.Single(await Puller(fake).PullAsync(okrs, null, CancellationToken.None));

        var request = Assert.Single(fake.Requests);
        Assert.Equal((PeriodStart.AddDays(-7), clock.GetUtcNow()), (request.From, request.To));
        // 29 September to 5 October (20 September is before the look-back): 4.0 at the period start, 3.4 on the 5th.
        Assert.Equal(new KrPullResult("O1-KR1", "fake", 7, null, 4.0, 3.4, 1, "days"), result);
        var rows = await SamplesAsync("O1-KR1");
        Assert.Equal([4.5, 4.2, 4.0, 3.8, 3.6, 3.5, 3.4], rows.Select(r => r.Value));
        Assert.All(rows, r => Assert.Equal(("fake", "lead_time_days", clock.GetUtcNow()), (r.Provider, r.Query, r.PulledAt)));
        var baseline = await BaselineAsync("O1-KR1");
        Assert.NotNull(baseline);
        Assert.Equal(("fake", "lead_time_days", PeriodStart, 4.0, clock.GetUtcNow()), (baseline.Provider, baseline.Query, baseline.At, baseline.Value, baseline.CapturedAt));
    }

    [Fact]
    public async Task The_next_pull_asks_only_after_the_last_stored_sample_and_never_duplicates()
    {
        fake.WithDaily("O1-KR1", new DateOnly(2026, 10, 1), 4.0, 3.8, 3.6, 3.5, 3.4, 3.3, 3.2);
        var okrs = Okrs(Kr("O1-KR1"));
        await Puller(fake).PullAsync(okrs, null, CancellationToken.None);
        clock.Advance(TimeSpan.FromDays(2));

        var second = Assert.Single(await Puller(fake).PullAsync(okrs, null, CancellationToken.None));
        var third = Assert.Single(await Puller(fake).PullAsync(okrs, null, CancellationToken.None));

        Assert.Equal(new DateTimeOffset(2026, 10, 5, 0, 0, 0, TimeSpan.Zero).AddTicks(1), fake.Requests[1].From);
        Assert.Equal((2, 3.2), (second.NewSamples, second.Current));
        Assert.Equal((0, 3.2), (third.NewSamples, third.Current));
        Assert.Equal(7, (await SamplesAsync("O1-KR1")).Count);
    }

    [Fact]
    public async Task A_sample_already_stored_for_an_instant_keeps_its_first_value()
    {
        fake.WithDaily("O1-KR1", new DateOnly(2026, 10, 1), 4.0, 3.8);
        await Puller(fake).PullAsync(Okrs(Kr("O1-KR1")), null, CancellationToken.None);
        await using (var db = store.CreateDbContext())
        {
            // Forget the pull's position so the next pull reads the whole range again (a backfill).
            await db.MetricSamples.Where(s => s.Value == 3.8).ExecuteDeleteAsync();
        }

        var again = new FakeMetricProvider().WithDaily("O1-KR1", new DateOnly(2026, 10, 1), 9.9, 3.8);
        await Puller(again).PullAsync(Okrs(Kr("O1-KR1")), null, CancellationToken.None);

        Assert.Equal([4.0, 3.8], (await SamplesAsync("O1-KR1")).Select(r => r.Value));
    }

    [Fact]
    public async Task The_baseline_is_the_last_sample_at_or_before_the_period_start_else_the_first_after_it()
    {
        fake.With("O1-KR1", PeriodStart.AddHours(-9), 1).With("O1-KR1", PeriodStart.AddHours(-3), 7).With("O1-KR1", PeriodStart.AddHours(5), 8);
        fake.With("O1-KR2", PeriodStart.AddDays(2), 6).With("O1-KR2", PeriodStart.AddDays(3), 5);

        await Puller(fake).PullAsync(Okrs(Kr("O1-KR1"), Kr("O1-KR2")), null, CancellationToken.None);

        Assert.Equal((PeriodStart.AddHours(-3), 7.0), ((await BaselineAsync("O1-KR1"))!.At, (await BaselineAsync("O1-KR1"))!.Value));
        Assert.Equal((PeriodStart.AddDays(2), 6.0), ((await BaselineAsync("O1-KR2"))!.At, (await BaselineAsync("O1-KR2"))!.Value));
    }

    [Fact]
    public async Task A_captured_baseline_is_never_changed_by_later_pulls_even_when_the_query_changes()
    {
        fake.WithDaily("O1-KR1", new DateOnly(2026, 10, 3), 4.0, 3.8);
        await Puller(fake).PullAsync(Okrs(Kr("O1-KR1")), null, CancellationToken.None);
        await using (var db = store.CreateDbContext())
        {
            await db.MetricSamples.ExecuteDeleteAsync();
        }

        var other = new FakeMetricProvider().WithDaily("O1-KR1", new DateOnly(2026, 10, 1), 9, 9, 9);
        var result = Assert.Single(await Puller(other).PullAsync(Okrs(Kr("O1-KR1", metric: FakeMetric("other_query"))), null, CancellationToken.None));

        var baseline = await BaselineAsync("O1-KR1");
        Assert.Equal(("lead_time_days", new DateTimeOffset(2026, 10, 3, 0, 0, 0, TimeSpan.Zero), 4.0), (baseline!.Query, baseline.At, baseline.Value));
        Assert.Equal(4.0, result.Baseline);
    }

    [Fact]
    public async Task The_krs_own_baseline_wins_but_the_metrics_period_start_value_is_captured_beside_it()
    {
        fake.WithDaily("O1-KR1", new DateOnly(2026, 10, 1), 4.6, 4.4);

        var result = Assert.Single(await Puller(fake).PullAsync(Okrs(Kr("O1-KR1", baseline: 4)), null, CancellationToken.None));

        Assert.Equal(4, result.Baseline);
        Assert.Equal(4.6, (await BaselineAsync("O1-KR1"))!.Value);
    }

    [Fact]
    public async Task Before_the_period_starts_nothing_is_read_and_no_baseline_is_captured()
    {
        clock.AdjustTime(clock.GetUtcNow().AddDays(-10));   // 25 September; AdjustTime goes back, Advance only forward
        fake.WithDaily("O1-KR1", new DateOnly(2026, 9, 20), 5, 5, 5);

        var result = Assert.Single(await Puller(fake).PullAsync(Okrs(Kr("O1-KR1")), null, CancellationToken.None));

        Assert.Empty(fake.Requests);
        Assert.Equal((0, (double?)null, (string?)null), (result.NewSamples, result.Baseline, result.Error));
        Assert.Null(await BaselineAsync("O1-KR1"));
    }

    [Fact]
    public async Task A_failing_provider_fails_its_kr_with_the_reason_and_the_other_krs_are_pulled()
    {
        fake.WithDaily("O1-KR2", new DateOnly(2026, 10, 1), 3, 2)
            .Failing("O1-KR1", "series 'lead_time.csv' not found");
        var okrs = Okrs(Kr("O1-KR1"), Kr("O1-KR2"), Kr("O1-KR3", metric: new MetricSpec("nowhere", "x", null)));

        var results = await Puller(fake).PullAsync(okrs, null, CancellationToken.None);

        Assert.Equal(
            ["fake: series 'lead_time.csv' not found", null, "no metric provider named 'nowhere' (Metrics:Providers, or tracker)"],
            results.Select(r => r.Error));
        Assert.Equal([2.0, 3.0], (await SamplesAsync("O1-KR2")).Select(s => s.Value).OrderBy(v => v));
        await using var db = store.CreateDbContext();
        var pulls = await db.MetricPulls.AsNoTracking().OrderBy(p => p.KrId).ToListAsync();
        Assert.Equal(
            [("O1-KR1", "fake: series 'lead_time.csv' not found", (DateTimeOffset?)null), ("O1-KR2", null, clock.GetUtcNow()), ("O1-KR3", "no metric provider named 'nowhere' (Metrics:Providers, or tracker)", null)],
            pulls.Select(p => (p.KrId, p.LastError, p.LastSuccessAt)));
    }

    [Fact]
    public async Task A_value_that_is_not_a_number_fails_the_kr_and_stores_nothing()
    {
        fake.With("O1-KR1", PeriodStart, 4).With("O1-KR1", PeriodStart.AddDays(1), double.NaN);

        var result = Assert.Single(await Puller(fake).PullAsync(Okrs(Kr("O1-KR1")), null, CancellationToken.None));

        Assert.Equal("fake: the value at 2026-10-02 00:00:00Z is not a number (NaN)", result.Error);
        Assert.Empty(await SamplesAsync("O1-KR1"));
    }

    [Fact]
    public async Task Kr_pulls_only_that_kr_matched_case_insensitively_and_an_unknown_id_is_a_config_error()
    {
        fake.WithDaily("O1-KR2", new DateOnly(2026, 10, 1), 3);
        var okrs = Okrs(Kr("O1-KR1"), Kr("O1-KR2"));

        var results = await Puller(fake).PullAsync(okrs, "o1-kr2", CancellationToken.None);
        var unknown = await Assert.ThrowsAsync<LinkerConfigException>(() => Puller(fake).PullAsync(okrs, "O9-KR9", CancellationToken.None));

        Assert.Equal(["O1-KR2"], results.Select(r => r.KrId));
        Assert.Equal(["O1-KR2"], fake.Requests.Select(r => r.KrId));
        Assert.Contains("'O9-KR9' is no key result of 2026-Q4", unknown.Message, StringComparison.Ordinal);
    }
}

/// <summary>The suite on a SQLite file.</summary>
public sealed class MetricPullerOnSqliteTests() : MetricPullerTests(StoreProvider.Sqlite);

/// <summary>The suite on PostgreSQL.</summary>
public sealed class MetricPullerOnPostgresTests() : MetricPullerTests(StoreProvider.Postgres);
