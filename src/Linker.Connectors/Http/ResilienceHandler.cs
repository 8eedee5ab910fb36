using System.Globalization;
using System.Net;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Logging;
using OkrLinker.Core.Sources;
using Polly;
using Polly.Timeout;

namespace OkrLinker.Connectors.Http;

/// <summary>
/// The one place a live source's request is sent, retried and paced (DESIGN.md §6 traps 6–9):
/// the rate-limit governor before sending; Microsoft.Extensions.Http.Resilience's retry (exponential backoff with jitter)
/// and attempt timeout for 5xx, 408, dropped connections, truncated bodies and timed-out attempts; rate-limit answers (429, rate-limit 403) waited out
/// without spending retries; 401 and other 403s turned into a <see cref="SourceException"/> at once.
/// </summary>
internal sealed class ResilienceHandler : DelegatingHandler
{
    private static readonly ResiliencePropertyKey<string> TargetKey = new("OkrLinker.Http.Target");

    private readonly SourceHttpSettings settings;
    private readonly HttpResilienceOptions options;
    private readonly TimeProvider time;
    private readonly ILogger logger;
    private readonly SourceRequestCounters counters;
    private readonly RateLimitGate gate;
    private readonly ResiliencePipeline<HttpResponseMessage> attempts;

    public ResilienceHandler(
        SourceHttpSettings settings,
        HttpResilienceOptions options,
        TimeProvider time,
        ILogger logger,
        SourceRequestCounters counters,
        RateLimitGate gate)
    {
        this.settings = settings;
        this.options = options;
        this.time = time;
        this.logger = logger;
        this.counters = counters;
        this.gate = gate;
        attempts = BuildAttemptPipeline();
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var target = SafeRequestTarget.Describe(request);
        var buffered = await BufferedRequest.CaptureAsync(request, settings.Authorization, cancellationToken);
        var waitedForLimits = TimeSpan.Zero;
        while (true)
        {
            await WaitForGovernorAsync(target, cancellationToken);
            HttpResponseMessage response;
            using (await gate.EnterAsync(cancellationToken))
            {
                response = await SendWithRetriesAsync(buffered, target, cancellationToken);
            }

            var headers = RateLimitHeaders.Read(response, time.GetUtcNow());
            var body = await ReadBodyOfRefusalAsync(response, cancellationToken);

            if (RateLimitRules.IsRejection(response, headers, body))
            {
                response.Dispose();
                var (wait, basis) = RateLimitRules.RejectionWait(settings.Vendor, headers, options);
                if (waitedForLimits + wait > options.MaxRateLimitWait)
                {
                    logger.RateLimitTooLong(settings.SourceName, target, wait, basis, options.MaxRateLimitWait);
                    throw RateLimitTooLong(target, wait, basis, waitedForLimits);
                }

                await PauseAsync(wait, basis, target, cancellationToken);
                waitedForLimits += wait;
                continue;
            }

            if (AuthFailureRules.IsAuthFailure(response, settings.Vendor))
            {
                using (response)
                {
                    counters.CountAuthFailure();
                    logger.AuthFailed(settings.SourceName, target, (int)response.StatusCode, settings.TokenVariable);
                    throw AuthFailureRules.ToException(response, settings, body);
                }
            }

            var receivedAt = time.GetUtcNow();
            foreach (var (wait, reason) in RateLimitRules.PausesAfter(settings.Vendor, headers, options))
            {
                gate.PauseUntil(receivedAt + wait, reason);
            }

            return response;
        }
    }

    // Retries and the attempt timeout are Microsoft.Extensions.Http.Resilience's HTTP strategies (exponential backoff
    // with jitter, TimeoutRejectedException per attempt). Two of their defaults are ours instead: which outcomes are
    // transient (see IsTransient) and how a Retry-After is read (see RetryAfterOf).
    private ResiliencePipeline<HttpResponseMessage> BuildAttemptPipeline()
    {
        var builder = new ResiliencePipelineBuilder<HttpResponseMessage> { TimeProvider = time };
        if (options.MaxRetries > 0)
        {
            builder.AddRetry(new HttpRetryStrategyOptions
            {
                MaxRetryAttempts = options.MaxRetries,
                Delay = options.BaseDelay,
                MaxDelay = options.MaxDelay,
                ShouldRetryAfterHeader = false,
                ShouldHandle = args => ValueTask.FromResult(IsTransient(args.Outcome)),
                DelayGenerator = args => ValueTask.FromResult(RetryAfterOf(args.Outcome)),
                OnRetry = args =>
                {
                    counters.CountRetry();
                    logger.Retrying(
                        settings.SourceName,
                        args.Context.Properties.GetValue(TargetKey, "?"),
                        Describe(args.Outcome),
                        args.AttemptNumber + 1,
                        options.MaxRetries,
                        args.RetryDelay);
                    return default;
                },
            });
        }

        // Inside the retry, so each attempt gets its own clock; the body read counts toward it.
        builder.AddTimeout(new HttpTimeoutStrategyOptions { Timeout = options.AttemptTimeout });
        return builder.Build();
    }

    private async Task<HttpResponseMessage> SendWithRetriesAsync(BufferedRequest buffered, string target, CancellationToken cancellationToken)
    {
        var context = ResilienceContextPool.Shared.Get(cancellationToken);
        context.Properties.Set(TargetKey, target);
        try
        {
            return await attempts.ExecuteAsync(
                static (ctx, state) => state.Handler.SendAttemptAsync(state.Buffered, ctx.CancellationToken),
                context,
                (Handler: this, Buffered: buffered));
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
    }

    private async ValueTask<HttpResponseMessage> SendAttemptAsync(BufferedRequest buffered, CancellationToken cancellationToken)
    {
        counters.CountRequest();
        var attempt = buffered.CreateAttempt();
        var response = await base.SendAsync(attempt, cancellationToken);
        try
        {
            // Read the whole body here, so a connection that dies mid-body is a retryable failure of this attempt
            // rather than an IOException in the connector's parser.
            await response.Content.LoadIntoBufferAsync(cancellationToken);
            await JsonBodyCheck.ThrowIfGarbledAsync(attempt, response, cancellationToken);
        }
        catch
        {
            response.Dispose();
            throw;
        }

        counters.CountResponse((int)response.StatusCode);
        return response;
    }

    private async Task WaitForGovernorAsync(string target, CancellationToken cancellationToken)
    {
        if (gate.Pending(time.GetUtcNow()) is not { } pending)
        {
            return;
        }

        // The floor keeps a margin of calls, so a pause longer than the cap is cut short instead of failing.
        var wait = pending.Wait < options.MaxRateLimitWait ? pending.Wait : options.MaxRateLimitWait;
        if (wait > TimeSpan.Zero)
        {
            await PauseAsync(wait, pending.Reason, target, cancellationToken);
        }
    }

    private Task PauseAsync(TimeSpan wait, string reason, string target, CancellationToken cancellationToken)
    {
        counters.CountRateLimitWait(wait);
        logger.WaitingForRateLimit(settings.SourceName, reason, wait, target);
        return Task.Delay(wait, time, cancellationToken);
    }

    private static async Task<string> ReadBodyOfRefusalAsync(HttpResponseMessage response, CancellationToken cancellationToken) =>
        response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden or HttpStatusCode.NonAuthoritativeInformation
            ? await response.Content.ReadAsStringAsync(cancellationToken)
            : "";

    // The library's transient set (HttpRequestException, a timed-out attempt, 408, every 5xx) less 429, which the
    // rate-limit loop waits out without spending retries, plus an IOException: a body cut off mid-read (HttpIOException)
    // or a garbled JSON body, both of which the library does not count. A caller's cancellation is never retried.
    private static bool IsTransient(Outcome<HttpResponseMessage> outcome) => outcome switch
    {
        { Exception: IOException } => true,
        { Result.StatusCode: HttpStatusCode.TooManyRequests } => false,
        _ => HttpClientResiliencePredicates.IsTransient(outcome),
    };

    // A 5xx's Retry-After replaces the backoff, capped at MaxDelay; null keeps the exponential delay. Not the library's
    // ShouldRetryAfterHeader: Polly does not cap a generated delay at MaxDelay, and the library reads an HTTP-date
    // against the local clock, where RateLimitHeaders measures it from the response's own Date header.
    private TimeSpan? RetryAfterOf(Outcome<HttpResponseMessage> outcome)
    {
        if (outcome.Result is not { } response
            || RateLimitHeaders.Read(response, time.GetUtcNow()).RetryAfter is not { } retryAfter)
        {
            return null;
        }

        return retryAfter < TimeSpan.Zero ? TimeSpan.Zero : retryAfter > options.MaxDelay ? options.MaxDelay : retryAfter;
    }

    private string Describe(Outcome<HttpResponseMessage> outcome) => outcome.Exception switch
    {
        TimeoutRejectedException => $"no complete answer within {options.AttemptTimeout}",
        HttpRequestException http => $"{nameof(HttpRequestException)} {http.HttpRequestError}",
        { } other => other.GetType().Name,
        null => $"{(int)outcome.Result!.StatusCode} {outcome.Result.StatusCode}",
    };

    private SourceException RateLimitTooLong(string target, TimeSpan wait, string basis, TimeSpan alreadyWaited)
    {
        var waited = alreadyWaited > TimeSpan.Zero ? $" after {Seconds(alreadyWaited)} already waited" : "";
        return new SourceException(
            settings.SourceName,
            $"{settings.Role} '{settings.SourceName}': {AuthFailureRules.VendorName(settings.Vendor)} rate limit on {target} asks for a {Seconds(wait)} wait ({basis}){waited}, "
            + $"more than Http:MaxRateLimitWait ({Seconds(options.MaxRateLimitWait)}) allows — try again later or raise Http:MaxRateLimitWait.");
    }

    private static string Seconds(TimeSpan span) => span.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture) + " s";
}
