using OkrLinker.Core.Configuration;
using OkrLinker.Core.Metrics;

namespace OkrLinker.Core.Tests.Metrics;

/// <summary>Metrics.Providers at start: names unique and not tracker, kinds known, each kind's own keys, every failure keyed.</summary>
public sealed class MetricsOptionsValidatorTests
{
    private static readonly MetricProviderKind[] Kinds =
    [
        new("prometheus", (_, _) => throw new NotSupportedException())
        {
            Validate = o => string.IsNullOrWhiteSpace(o.BaseUrl) ? ["BaseUrl: the server's root URL is required"] : [],
        },
        new("csv", (_, _) => throw new NotSupportedException()),
    ];

    [Fact]
    public void A_sound_list_passes() =>
        Assert.Empty(Failures(Entry("prom", "prometheus", "http://p:9090"), Entry("sheets", "csv")));

    [Fact]
    public void Every_problem_is_reported_with_its_key()
    {
        var failures = Failures(
            Entry("prom", "prometheus"),
            Entry("PROM", "csv"),
            Entry("tracker", "csv"),
            Entry("", "graphite"),
            Entry("gh", ""),
            new MetricProviderOptions { Name = "slow", Kind = "csv", Timeout = TimeSpan.Zero });

        Assert.Equal(
        [
            "Metrics:Providers:0:BaseUrl: the server's root URL is required",
            "Metrics:Providers:1:Name: 'PROM' is used by another metric provider",
            "Metrics:Providers:2:Name: 'tracker' is the built-in provider's name; it needs no entry, pick another name",
            "Metrics:Providers:3:Name: every metric provider needs a name (okrs.yaml's metric.provider names it)",
            "Metrics:Providers:3:Kind: unknown kind 'graphite' (known: prometheus, csv)",
            "Metrics:Providers:4:Name: 'gh' is also a source's name; pick another",
            "Metrics:Providers:4:Kind: say which kind of data source it is (prometheus, csv)",
            "Metrics:Providers:5:Timeout: must be positive, e.g. 00:00:30",
        ], failures);
    }

    private static IEnumerable<string> Failures(params MetricProviderOptions[] providers)
    {
        var options = new LinkerOptions
        {
            Sources = [new SourceOptions { Name = "gh", Kind = "github" }],
            Metrics = new MetricsOptions { Providers = [.. providers] },
        };
        return new MetricsOptionsValidator(Kinds).Validate(null, options).Failures ?? [];
    }

    private static MetricProviderOptions Entry(string name, string kind, string? baseUrl = null) => new() { Name = name, Kind = kind, BaseUrl = baseUrl };
}
