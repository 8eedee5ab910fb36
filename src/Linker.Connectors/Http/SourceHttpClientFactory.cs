using System.Collections.Concurrent;
using System.Net;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace OkrLinker.Connectors.Http;

/// <summary>
/// Builds the one <see cref="HttpClient"/> a live source uses: the resilience handler (retries, rate limits,
/// auth failures) over a pooled <see cref="SocketsHttpHandler"/>. Create one client per source and keep it.
/// </summary>
public sealed class SourceHttpClientFactory
{
    // Long enough to reuse connections across a sync, short enough to follow DNS changes.
    private static readonly TimeSpan PooledConnectionLifetime = TimeSpan.FromMinutes(5);

    private readonly TimeProvider timeProvider;
    private readonly ILoggerFactory loggerFactory;
    private readonly SourceRequestMetrics metrics;
    private readonly IOptions<HttpResilienceOptions> options;
    private readonly Func<HttpMessageHandler> primaryHandler;

    // Two clients of one source share its rate-limit budget, so they share its pause too.
    private readonly ConcurrentDictionary<string, RateLimitGate> gates = new(StringComparer.OrdinalIgnoreCase);

    /// <param name="primaryHandler">
    /// The handler that does the network I/O, one per client; by default a <see cref="SocketsHttpHandler"/>.
    /// Tests may pass their own (an in-memory server's handler).
    /// </param>
    public SourceHttpClientFactory(
        TimeProvider timeProvider,
        ILoggerFactory loggerFactory,
        SourceRequestMetrics metrics,
        IOptions<HttpResilienceOptions> options,
        Func<HttpMessageHandler>? primaryHandler = null)
    {
        ArgumentNullException.ThrowIfNull(timeProvider);
        ArgumentNullException.ThrowIfNull(loggerFactory);
        ArgumentNullException.ThrowIfNull(metrics);
        ArgumentNullException.ThrowIfNull(options);
        this.timeProvider = timeProvider;
        this.loggerFactory = loggerFactory;
        this.metrics = metrics;
        this.options = options;
        this.primaryHandler = primaryHandler ?? CreateSocketsHandler;
    }

    /// <summary>
    /// A client for <paramref name="settings"/>: <see cref="HttpClient.BaseAddress"/> set (with a trailing '/'),
    /// User-Agent and default headers set, no client-wide timeout (each attempt has <see cref="HttpResilienceOptions.AttemptTimeout"/>).
    /// Redirects are not followed: connectors see 3xx (GitHub transfers) themselves.
    /// </summary>
    /// <exception cref="OptionsValidationException">The options are invalid.</exception>
    public HttpClient Create(SourceHttpSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentException.ThrowIfNullOrWhiteSpace(settings.SourceName);
        var resilience = options.Value;
        var validation = new HttpResilienceOptionsValidator().Validate(null, resilience);
        if (validation.Failed)
        {
            throw new OptionsValidationException(HttpResilienceOptions.Section, typeof(HttpResilienceOptions), validation.Failures);
        }

        var handler = new ResilienceHandler(
            settings,
            resilience,
            timeProvider,
            loggerFactory.CreateLogger<ResilienceHandler>(),
            metrics.For(settings.SourceName),
            gates.GetOrAdd(settings.SourceName, _ => new RateLimitGate(options.Value.MaxConcurrentRequests)))
        {
            InnerHandler = primaryHandler(),
        };
        var client = new HttpClient(handler, disposeHandler: true)
        {
            BaseAddress = WithTrailingSlash(settings.BaseAddress),
            Timeout = Timeout.InfiniteTimeSpan,
        };
        client.DefaultRequestHeaders.UserAgent.ParseAdd(settings.UserAgent);
        foreach (var (name, value) in settings.DefaultHeaders)
        {
            client.DefaultRequestHeaders.TryAddWithoutValidation(name, value);
        }

        return client;
    }

    /// <summary>A <see cref="SourceClient"/> over a client made by <see cref="Create"/>: what a live source keeps.</summary>
    internal SourceClient CreateSourceClient(SourceHttpSettings settings) => new(Create(settings), settings);

    private static SocketsHttpHandler CreateSocketsHandler() => new()
    {
        PooledConnectionLifetime = PooledConnectionLifetime,
        AutomaticDecompression = DecompressionMethods.All,
        AllowAutoRedirect = false,
    };

    // new Uri("https://x/jira") + "rest/api/2" drops "jira"; with the slash it appends.
    private static Uri WithTrailingSlash(Uri address) =>
        address.AbsolutePath.EndsWith('/') ? address : new UriBuilder(address) { Path = address.AbsolutePath + "/" }.Uri;
}
