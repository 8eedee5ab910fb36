using System.Net;
using System.Text.Json;
using OkrLinker.Worker.Tests.Support;

namespace OkrLinker.Worker.Tests.Web;

/// <summary>/readyz: the store must answer and every source's last success must be within 3 schedule intervals.</summary>
public sealed class ReadinessTests
{
    private const string Backlog = $"""
        {CsvConfig.Header}
        PAY-1,Retry declined cards,Story,In Progress,payments,,,5,2026-11-02T09:00:00Z,
        """;

    [Fact]
    public async Task A_source_that_keeps_failing_turns_unready_after_3_intervals_and_ready_again_on_success()
    {
        var config = new TempConfig().WithOkrs(TempConfig.GoodOkrs).WithFile("samples/csv/backlog.csv", Backlog);
        // The default schedule "0 */15 * * * ?" fires every 900 s, so 3 intervals allow 2700 s.
        await using var web = await WebHarness.StartAsync(config, new WebSettings().WithCsvSource("csv", "samples/csv"));

        await web.SyncAsync("csv"); // succeeds at 10:00:00
        var fresh = await ReadyzAsync(web, HttpStatusCode.OK);
        Assert.Equal("ready", fresh.GetProperty("status").GetString());
        Assert.True(fresh.GetProperty("store").GetProperty("ok").GetBoolean());
        var source = fresh.GetProperty("sources").EnumerateArray().Single();
        Assert.Equal("csv", source.GetProperty("name").GetString());
        Assert.Equal("files", source.GetProperty("kind").GetString());
        Assert.Equal(WebHarness.Start, source.GetProperty("lastSuccessAt").GetDateTimeOffset());
        Assert.Equal(WebHarness.Start, source.GetProperty("lastRunAt").GetDateTimeOffset());
        Assert.Equal(0, source.GetProperty("ageSeconds").GetInt64());
        Assert.Equal(JsonValueKind.Null, source.GetProperty("lastError").ValueKind);
        Assert.True(source.GetProperty("ready").GetBoolean());
        Assert.Equal(JsonValueKind.Null, source.GetProperty("reason").ValueKind);

        // The folder goes away: every run from now on fails.
        Directory.Move(Path.Combine(config.ConfigFolder, "samples/csv"), Path.Combine(config.ConfigFolder, "samples/csv-away"));
        web.Time.Advance(TimeSpan.FromSeconds(600));
        await web.SyncAsync("csv");
        var failing = (await ReadyzAsync(web, HttpStatusCode.OK)).GetProperty("sources")[0];
        Assert.True(failing.GetProperty("ready").GetBoolean());
        Assert.Equal(600, failing.GetProperty("ageSeconds").GetInt64());
        Assert.Contains("does not exist", failing.GetProperty("lastError").GetString(), StringComparison.Ordinal);
        Assert.Equal(
            "source 'csv': its last run failed, but its last success is within 3 schedule intervals",
            failing.GetProperty("reason").GetString());

        // 600 + 2100 = 2700 s: exactly 3 intervals is not yet "older than".
        web.Time.Advance(TimeSpan.FromSeconds(2100));
        await web.SyncAsync("csv");
        await ReadyzAsync(web, HttpStatusCode.OK);

        web.Time.Advance(TimeSpan.FromSeconds(1));
        await web.SyncAsync("csv");
        var stale = await ReadyzAsync(web, HttpStatusCode.ServiceUnavailable);
        Assert.Equal("unready", stale.GetProperty("status").GetString());
        Assert.True(stale.GetProperty("store").GetProperty("ok").GetBoolean());
        var staleSource = stale.GetProperty("sources")[0];
        Assert.False(staleSource.GetProperty("ready").GetBoolean());
        Assert.Equal(2701, staleSource.GetProperty("ageSeconds").GetInt64());
        Assert.Equal(WebHarness.Start.AddSeconds(2701), staleSource.GetProperty("lastRunAt").GetDateTimeOffset());
        Assert.Equal(
            "source 'csv' last succeeded 2701 s ago, more than 3 schedule intervals (2700 s)",
            staleSource.GetProperty("reason").GetString());

        // The folder is back: the next run succeeds and the node is ready again.
        Directory.Move(Path.Combine(config.ConfigFolder, "samples/csv-away"), Path.Combine(config.ConfigFolder, "samples/csv"));
        web.Time.Advance(TimeSpan.FromSeconds(60));
        await web.SyncAsync("csv");
        var recovered = await ReadyzAsync(web, HttpStatusCode.OK);
        Assert.Equal("ready", recovered.GetProperty("status").GetString());
        var recoveredSource = recovered.GetProperty("sources")[0];
        Assert.Equal(0, recoveredSource.GetProperty("ageSeconds").GetInt64());
        Assert.Equal(WebHarness.Start.AddSeconds(2761), recoveredSource.GetProperty("lastSuccessAt").GetDateTimeOffset());
        Assert.Equal(JsonValueKind.Null, recoveredSource.GetProperty("lastError").ValueKind);
    }

    [Fact]
    public async Task A_source_that_never_succeeded_is_given_3_of_its_own_intervals_from_the_process_start()
    {
        var config = new TempConfig().WithOkrs(TempConfig.GoodOkrs).WithFile("samples/csv/backlog.csv", Backlog);
        // "gone" syncs hourly: 3 intervals are 3 × 3600 = 10800 s, counted from the start at 10:00:00.
        var settings = new WebSettings()
            .WithCsvSource("csv", "samples/csv")
            .WithCsvSource("gone", "samples/not-there", schedule: "0 0 * * * ?");
        await using var web = await WebHarness.StartAsync(config, settings);

        web.Time.Advance(TimeSpan.FromSeconds(10800));
        await web.SyncAsync("csv");
        await web.SyncAsync("gone");
        var waiting = await ReadyzAsync(web, HttpStatusCode.OK);
        var gone = waiting.GetProperty("sources").EnumerateArray().Single(s => s.GetProperty("name").GetString() == "gone");
        Assert.True(gone.GetProperty("ready").GetBoolean());
        Assert.Equal(JsonValueKind.Null, gone.GetProperty("lastSuccessAt").ValueKind);
        Assert.Equal(JsonValueKind.Null, gone.GetProperty("ageSeconds").ValueKind);
        Assert.Contains("not-there", gone.GetProperty("lastError").GetString(), StringComparison.Ordinal);
        Assert.Equal("source 'gone' has not succeeded yet; it has until 2026-11-20T13:00:00Z", gone.GetProperty("reason").GetString());

        web.Time.Advance(TimeSpan.FromSeconds(1));
        await web.SyncAsync("csv"); // csv stays fresh: only "gone" is to blame
        var late = await ReadyzAsync(web, HttpStatusCode.ServiceUnavailable);
        var sources = late.GetProperty("sources").EnumerateArray().ToDictionary(s => s.GetProperty("name").GetString()!);
        Assert.True(sources["csv"].GetProperty("ready").GetBoolean());
        Assert.False(sources["gone"].GetProperty("ready").GetBoolean());
        Assert.Equal(
            "source 'gone' has never succeeded and the process started 10801 s ago, more than 3 schedule intervals (10800 s)",
            sources["gone"].GetProperty("reason").GetString());
    }

    [Fact]
    public async Task A_schedule_that_is_not_a_cron_expression_makes_its_source_unready()
    {
        var config = new TempConfig().WithOkrs(TempConfig.GoodOkrs);
        await using var web = await WebHarness.StartAsync(config, new WebSettings().WithCsvSource("csv", "samples/csv", schedule: "every hour"));

        var body = await ReadyzAsync(web, HttpStatusCode.ServiceUnavailable);

        Assert.Equal(
            "source 'csv': Schedule 'every hour' is not a Quartz cron expression",
            body.GetProperty("sources")[0].GetProperty("reason").GetString());
    }

    [Fact]
    public async Task A_store_that_cannot_be_opened_is_unready_while_healthz_stays_alive()
    {
        var config = new TempConfig().WithOkrs(TempConfig.GoodOkrs);
        // Read-only on a file that does not exist: SQLite cannot open it.
        var settings = new WebSettings().WithCsvSource("csv", "samples/csv").WithConnectionString("Data Source=../data/absent.db;Mode=ReadOnly");
        await using var web = await WebHarness.StartAsync(config, settings, migrate: false);

        var body = await ReadyzAsync(web, HttpStatusCode.ServiceUnavailable);
        using var health = await web.Client.GetAsync(new Uri("/healthz", UriKind.Relative));

        Assert.Equal("unready", body.GetProperty("status").GetString());
        var store = body.GetProperty("store");
        Assert.False(store.GetProperty("ok").GetBoolean());
        Assert.Contains("unable to open database file", store.GetProperty("error").GetString(), StringComparison.Ordinal);
        var source = body.GetProperty("sources")[0];
        Assert.False(source.GetProperty("ready").GetBoolean());
        Assert.Equal("source 'csv': the store could not be read", source.GetProperty("reason").GetString());
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
    }

    private static async Task<JsonElement> ReadyzAsync(WebHarness web, HttpStatusCode expected)
    {
        using var response = await web.Client.GetAsync(new Uri("/readyz", UriKind.Relative));
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"{response.StatusCode}: {text}");
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        return JsonDocument.Parse(text).RootElement.Clone();
    }
}
