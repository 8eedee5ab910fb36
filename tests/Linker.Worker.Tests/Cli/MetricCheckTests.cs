using OkrLinker.Worker.Tests.Support;

namespace OkrLinker.Worker.Tests.Cli;

/// <summary><c>check</c> runs each KR's query once and prints its latest value, or the provider's own error.</summary>
public sealed class MetricCheckTests : IDisposable
{
    private const string Okrs = """
        period: { name: 2026-Q4, start: 2026-10-01, end: 2026-12-31 }
        objectives:
          - id: O1
            title: New users quickly find value in the product
            keyResults:
              - { id: O1-KR1, title: Raise activation from 35% to 50%, target: 50, metric: { provider: sheets, query: activation.csv, unit: "%" } }
              - { id: O1-KR2, title: Cut time to value from 9 to 4 minutes, target: 4, metric: { provider: sheets, query: missing.csv, unit: min } }
              - { id: O1-KR3, title: Keep open stories under 1, target: 1, metric: { provider: tracker, measure: count, unit: stories, where: [ { Field: type, Equals: Story } ] } }
        """;

    private readonly TempConfig config = new TempConfig()
        .WithOkrs(Okrs)
        .WithFile("samples/csv/backlog.csv", $"""
            {CsvConfig.Header}
            PAY-1,Retry declined cards,Story,In Progress,payments,,,5,2026-10-02T09:00:00Z,
            PAY-2,Refactor the card vault,Story,In Progress,payments,,,3,2026-10-03T09:00:00Z,
            PAY-3,Fix 3DS timeout,Bug,Done,payments,,,1,2026-10-04T09:00:00Z,2026-10-18T10:00:00Z
            """)
        .WithFile("samples/metrics/activation.csv", "timestamp,value\n2026-10-01,35\n2026-11-20,41.5\n")
        .WithConfig(CsvConfig.Json(extra: """, "Metrics": { "Providers": [ { "Name": "sheets", "Kind": "csv", "Path": "samples/metrics" } ] }"""));

    public void Dispose() => config.Dispose();

    [Fact]
    public async Task Check_prints_each_krs_latest_value_or_its_providers_error_and_exits_1_on_an_error()
    {
        Assert.Equal(0, (await config.RunAsync("sync")).ExitCode);

        var run = await config.RunAsync("check");

        Assert.Equal(1, run.ExitCode);
        Assert.Matches(@"sheets +O1-KR1 +yes +41\.5 % at 2026-11-20 00:00Z \(2 samples\)", run.Out);
        var missing = Path.Combine(config.ConfigFolder, "samples", "metrics", "missing.csv");
        Assert.Matches(@"sheets +O1-KR2 +NO +" + System.Text.RegularExpressions.Regex.Escape($"Metric provider 'sheets', KR O1-KR2: no series file {missing}"), run.Out);
        Assert.Matches(@"tracker +O1-KR3 +yes +2 stories at \d{4}-\d\d-\d\d \d\d:\d\dZ \(\d+ samples\)", run.Out);
    }

    [Fact]
    public async Task A_metric_naming_an_unconfigured_provider_is_bad_config()
    {
        config.WithOkrs(Okrs.Replace("provider: sheets, query: missing.csv", "provider: sheetz, query: missing.csv", StringComparison.Ordinal));

        var run = await config.RunAsync("check");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains(
            "objectives[0].keyResults[1].metric.provider: 'sheetz' is not a metric provider; name one of Metrics:Providers or tracker (sheets, tracker)",
            run.Error,
            StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_provider_with_an_unknown_kind_is_bad_config_naming_the_key()
    {
        config.WithConfig(CsvConfig.Json(extra: """, "Metrics": { "Providers": [ { "Name": "sheets", "Kind": "excel" } ] }"""));

        var run = await config.RunAsync("check");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("Metrics:Providers:0:Kind: unknown kind 'excel' (known: csv, prometheus, sql, http-json)", run.Error, StringComparison.Ordinal);
    }
}
