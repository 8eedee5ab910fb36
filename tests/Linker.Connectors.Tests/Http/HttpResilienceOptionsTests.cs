using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using OkrLinker.Connectors.Http;

namespace OkrLinker.Connectors.Tests.Http;

public sealed class HttpResilienceOptionsTests
{
    [Fact]
    public void Defaults_are_the_documented_ones()
    {
        var options = new HttpResilienceOptions();

        Assert.Equal(TimeSpan.FromSeconds(30), options.AttemptTimeout);
        Assert.Equal(5, options.MaxRetries);
        Assert.Equal(TimeSpan.FromSeconds(1), options.BaseDelay);
        Assert.Equal(TimeSpan.FromSeconds(60), options.MaxDelay);
        Assert.Equal(50, options.RateLimitFloor);
        Assert.Equal(TimeSpan.FromMinutes(15), options.MaxRateLimitWait);
        Assert.Equal(TimeSpan.FromSeconds(60), options.SecondaryLimitMinimumWait);
        Assert.True(new HttpResilienceOptionsValidator().Validate(null, options).Succeeded);
    }

    [Fact]
    public void Every_invalid_value_is_named_by_its_key()
    {
        var options = new HttpResilienceOptions
        {
            AttemptTimeout = TimeSpan.FromMilliseconds(5),
            MaxRetries = 21,
            BaseDelay = TimeSpan.FromSeconds(2),
            MaxDelay = TimeSpan.FromSeconds(1),
            RateLimitFloor = -1,
            MaxRateLimitWait = TimeSpan.FromSeconds(-1),
            SecondaryLimitMinimumWait = TimeSpan.FromDays(2),
        };

        var result = new HttpResilienceOptionsValidator().Validate(null, options);

        Assert.Equal(
            [
                "Http:AttemptTimeout: must be 00:00:00.010..1.00:00:00 (10 ms to 24 h), is 00:00:00.0050000",
                "Http:MaxRetries: must be 0..20, is 21",
                "Http:BaseDelay: must be 0..Http:MaxDelay (00:00:01), is 00:00:02",
                "Http:RateLimitFloor: must be 0 (off) or more, is -1",
                "Http:MaxRateLimitWait: must be 0..1.00:00:00, is -00:00:01",
                "Http:SecondaryLimitMinimumWait: must be 0..1.00:00:00, is 2.00:00:00",
            ],
            result.Failures);
    }

    [Fact]
    public void AddSourceHttp_binds_the_Http_section_and_refuses_bad_values_by_key()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Http:MaxRetries"] = "21", ["Http:RateLimitFloor"] = "100" })
            .Build();
        using var provider = new ServiceCollection().AddSourceHttp(configuration).BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<HttpResilienceOptions>>().Value);

        Assert.Equal(["Http:MaxRetries: must be 0..20, is 21"], error.Failures);
    }

    [Fact]
    public void AddSourceHttp_registers_one_metrics_registry_and_one_factory()
    {
        using var provider = new ServiceCollection().AddSourceHttp().BuildServiceProvider();

        var metrics = provider.GetRequiredService<SourceRequestMetrics>();
        var factory = provider.GetRequiredService<SourceHttpClientFactory>();
        using var client = factory.Create(new SourceHttpSettings("jira", SourceVendor.Jira, new Uri("https://example.atlassian.net/jira"), "JIRA_TOKEN"));

        Assert.Same(metrics, provider.GetRequiredService<SourceRequestMetrics>());
        Assert.Same(factory, provider.GetRequiredService<SourceHttpClientFactory>());
        Assert.Equal(new Uri("https://example.atlassian.net/jira/"), client.BaseAddress);
        Assert.Equal("OkrLinker", client.DefaultRequestHeaders.UserAgent.ToString());
        Assert.Equal(["jira"], metrics.All.Select(c => c.Source));
    }
}
