using System.Text.Json;

namespace OkrLinker.Worker.Tests.Webhooks;

/// <summary>The config of the webhook tests around one source entry: no schedule fires during a test (yearly), so every sync after the first is a webhook's.</summary>
public static class WebhookConfig
{
    /// <summary>A Quartz cron that fires on 1 January only.</summary>
    public const string Yearly = "0 0 0 1 1 ?";

    public static string Json(object source, string? store = null) => JsonSerializer.Serialize(new
    {
        Okrs = new { Path = "okrs.yaml" },
        Store = new { Provider = store is null ? "Sqlite" : "Postgres", ConnectionString = store ?? "Data Source=../data/okrlinker.db" },
        Sources = new[] { source },
        Http = new { BaseDelay = "00:00:00.010", MaxDelay = "00:00:00.200", SecondaryLimitMinimumWait = "00:00:01", AttemptTimeout = "00:00:05", MaxRetries = 8 },
        Report = new { Week = "2026-W47", TimeZone = "UTC", Output = "../out" },
        Metrics = new { Schedule = Yearly },
        Worker = new { SweepSchedule = Yearly, ShutdownGrace = "00:00:10", ClusterCheckinInterval = "00:00:01", ClusterCheckinMisfireThreshold = "00:00:05" },
        Web = new { Urls = "http://127.0.0.1:0" },
    });

    public static object Webhook(string secretVariable, TimeSpan debounce) =>
        new { SecretEnv = secretVariable, Debounce = debounce.ToString("c", System.Globalization.CultureInfo.InvariantCulture) };
}
