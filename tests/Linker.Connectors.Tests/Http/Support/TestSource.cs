using System.Net.Http.Headers;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Options;
using OkrLinker.Connectors.Http;

namespace OkrLinker.Connectors.Tests.Http.Support;

/// <summary>A source's client built by the real <see cref="SourceHttpClientFactory"/>, with its counters and captured logs.</summary>
internal sealed class TestSource : IDisposable
{
    public const string Token = "ghp_S3CRET0123456789";

    private readonly ILoggerFactory loggerFactory;

    private TestSource(HttpClient client, SourceRequestCounters counters, FakeLogCollector logs, ILoggerFactory loggerFactory)
    {
        Client = client;
        Counters = counters;
        Logs = logs;
        this.loggerFactory = loggerFactory;
    }

    public HttpClient Client { get; }

    public SourceRequestCounters Counters { get; }

    public FakeLogCollector Logs { get; }

    /// <summary>Millisecond backoff so retries cost nothing; rate-limit waits stay real (1 s at most in tests).</summary>
    public static HttpResilienceOptions FastOptions() => new()
    {
        AttemptTimeout = TimeSpan.FromSeconds(5),
        MaxRetries = 5,
        BaseDelay = TimeSpan.FromMilliseconds(10),
        MaxDelay = TimeSpan.FromMilliseconds(50),
        RateLimitFloor = 10,
        MaxRateLimitWait = TimeSpan.FromSeconds(10),
        SecondaryLimitMinimumWait = TimeSpan.FromSeconds(1),
    };

    public static SourceHttpSettings Settings(SourceVendor vendor, Uri baseAddress) => vendor switch
    {
        SourceVendor.GitHub => new SourceHttpSettings("gh", vendor, baseAddress, "GITHUB_TOKEN")
        {
            Authorization = new AuthenticationHeaderValue("Bearer", Token),
        },
        SourceVendor.Jira => new SourceHttpSettings("jira", vendor, baseAddress, "JIRA_TOKEN")
        {
            Authorization = new AuthenticationHeaderValue("Basic", Token),
        },
        _ => new SourceHttpSettings("ado", vendor, baseAddress, "AZURE_DEVOPS_PAT")
        {
            Authorization = new AuthenticationHeaderValue("Basic", Token),
        },
    };

    public static TestSource Create(ScriptedHttpServer server, HttpResilienceOptions? options = null, SourceVendor vendor = SourceVendor.GitHub)
    {
        var logs = new FakeLoggerProvider();
        var loggerFactory = LoggerFactory.Create(b => b.AddProvider(logs).SetMinimumLevel(LogLevel.Trace));
        var metrics = new SourceRequestMetrics();
        var factory = new SourceHttpClientFactory(TimeProvider.System, loggerFactory, metrics, Options.Create(options ?? FastOptions()));
        var settings = Settings(vendor, server.BaseAddress);
        return new TestSource(factory.Create(settings), metrics.For(settings.SourceName), logs.Collector, loggerFactory);
    }

    public void Dispose()
    {
        Client.Dispose();
        loggerFactory.Dispose();
    }
}
