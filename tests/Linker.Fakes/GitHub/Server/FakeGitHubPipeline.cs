using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using OkrLinker.Fakes.GitHub.GraphQL;
using OkrLinker.Fakes.GitHub.Rest;

namespace OkrLinker.Fakes.GitHub.Server;

/// <summary>
/// Every request goes through here: fault injection, the token check (401), the route, ETag/304 (free of
/// charge), the rate-limit budget (403 when spent), <c>X-RateLimit-*</c> headers, and the request log.
/// </summary>
internal sealed class FakeGitHubPipeline(
    FakeGitHubOptions options, string token, FakeRateBudget core, FakeRateBudget graphql,
    FakeFaults faults, FakeRequestLog log, RestRoutes rest, GraphQLEndpoint graph)
{
    private const string SecondaryMessage =
        "You have exceeded a secondary rate limit. Please wait a few minutes before you try again. "
        + "If you reach out to GitHub Support for help, please include the request ID ";

    private const string SecondaryDocs =
        "https://docs.github.com/rest/overview/rate-limits-for-the-rest-api#about-secondary-rate-limits";

    private static readonly TimeSpan TruncationGrace = TimeSpan.FromMilliseconds(50);

    private long _requestIds;

    public async Task HandleAsync(HttpContext context)
    {
        try
        {
            await AnswerAsync(context);
        }
        catch (Exception failure) when (failure is not OperationCanceledException && !context.Response.HasStarted)
        {
            // A bug in the fake shows up as GitHub's 500 body and in the log, not as a hung test.
            log.Add(new FakeRequest
            {
                Method = context.Request.Method,
                Path = context.Request.Path.Value ?? "/",
                Query = context.Request.QueryString.Value ?? "",
                Status = 500,
                Timestamp = options.Clock.GetUtcNow(),
            });
            context.Response.StatusCode = 500;
            context.Response.ContentType = "application/json; charset=utf-8";
            await context.Response.Body.WriteAsync(RestJson.Error($"Server Error: {failure.Message}", "https://docs.github.com/rest"));
        }
    }

    private async Task AnswerAsync(HttpContext context)
    {
        var request = context.Request;
        var rawPath = request.Path.Value ?? "/";
        var path = FakeGitHubPaths.Normalize(rawPath);
        var host = $"{request.Scheme}://{request.Host}/";
        var apiRoot = FakeGitHubPaths.IsEnterprise(rawPath) ? host + "api/v3/" : host;
        var isGraphQL = path == "/graphql";
        var ifNoneMatch = request.Headers.IfNoneMatch.ToString();
        var requestId = $"FAKE:{Interlocked.Increment(ref _requestIds).ToString("X6", CultureInfo.InvariantCulture)}";
        var entry = new FakeRequest
        {
            Method = request.Method,
            Path = rawPath,
            Query = request.QueryString.Value ?? "",
            IfNoneMatch = ifNoneMatch.Length == 0 ? null : ifNoneMatch,
            HadAuthorization = request.Headers.Authorization.Count > 0,
            IsGraphQL = isGraphQL,
            Timestamp = options.Clock.GetUtcNow(),
        };
        context.Response.Headers["X-GitHub-Request-Id"] = requestId;
        context.Response.Headers["X-GitHub-Media-Type"] = "github.v3; format=json";
        var budget = isGraphQL ? graphql : core;

        if (options.Latency > TimeSpan.Zero)
        {
            await Task.Delay(options.Latency, context.RequestAborted);
        }

        var fault = faults.Take(request.Method, path);
        if (fault is { Kind: FakeFaultKind.Slow, Delay: { } delay })
        {
            await Task.Delay(delay, context.RequestAborted);
        }

        if (fault is { ReplacesAnswer: true })
        {
            await WriteFaultAsync(context, fault, budget, requestId, entry);
            return;
        }

        if (!Authorized(request.Headers.Authorization.ToString()))
        {
            var denied = new FakeAnswer(401, RestJson.Error("Bad credentials", isGraphQL ? "https://docs.github.com/graphql" : "https://docs.github.com/rest"));
            log.Add(entry with { Status = 401, Fault = fault?.Kind });
            await WriteAsync(context, denied, (60, 60, 0, options.Clock.GetUtcNow().AddHours(1)), budget.Resource, fault);
            return;
        }

        var answer = isGraphQL ? await GraphQLAsync(context, host) : rest.Answer(request.Method, path, request.QueryString.Value ?? "", apiRoot, host);
        entry = entry with { OperationName = answer.OperationName, HadGraphQLErrors = answer.HadGraphQLErrors };
        budget = answer.Resource == "graphql" ? graphql : core;

        if (answer.Status == 200 && HttpMethods.IsGet(request.Method))
        {
            var etag = $"W/\"{Convert.ToHexStringLower(SHA256.HashData(answer.Body))}\"";
            answer.Headers["ETag"] = etag;
            answer.Headers["Cache-Control"] = "private, max-age=60, s-maxage=60";
            answer.Headers["Vary"] = "Accept, Authorization, Cookie, X-GitHub-OTP";
            if (ETagMatches(ifNoneMatch, etag))
            {
                // GitHub: a 304 answer to a conditional request does not count against the rate limit.
                var notModified = new FakeAnswer(304, []);
                notModified.Headers["ETag"] = etag;
                log.Add(entry with { Status = 304, Fault = fault?.Kind });
                await WriteAsync(context, notModified, budget.Peek(), budget.Resource, null);
                return;
            }
        }

        if (answer.Charge && !budget.TryConsume(1))
        {
            answer = new FakeAnswer(403, RestJson.Error(
                "API rate limit exceeded for user ID 1.",
                "https://docs.github.com/rest/overview/rate-limits-for-the-rest-api#about-primary-rate-limits"));
        }

        // Logged before the answer leaves: a client that has its answer finds the request in the log.
        log.Add(entry with { Status = answer.Status, Fault = fault?.Kind });
        await WriteAsync(context, answer, budget.Peek(), budget.Resource, fault);
    }

    private async Task<FakeAnswer> GraphQLAsync(HttpContext context, string host)
    {
        if (!HttpMethods.IsPost(context.Request.Method))
        {
            return new FakeAnswer(404, RestJson.Error("Not Found", "https://docs.github.com/graphql")) { Resource = "graphql" };
        }

        try
        {
            using var document = await JsonDocument.ParseAsync(context.Request.Body, cancellationToken: context.RequestAborted);
            return graph.Answer(document.RootElement.Clone(), host);
        }
        catch (JsonException)
        {
            return new FakeAnswer(400, RestJson.Error("Problems parsing JSON", "https://docs.github.com/graphql")) { Resource = "graphql" };
        }
    }

    private bool Authorized(string header)
    {
        var space = header.IndexOf(' ', StringComparison.Ordinal);
        if (space <= 0)
        {
            return false;
        }

        var scheme = header[..space];
        var value = header[(space + 1)..].Trim();
        return (scheme.Equals("Bearer", StringComparison.OrdinalIgnoreCase) || scheme.Equals("token", StringComparison.OrdinalIgnoreCase))
            && CryptographicOperations.FixedTimeEquals(System.Text.Encoding.UTF8.GetBytes(value), System.Text.Encoding.UTF8.GetBytes(token));
    }

    // Weak comparison (RFC 9110 §8.8.3.2): W/ is ignored; "*" matches any current representation.
    private static bool ETagMatches(string ifNoneMatch, string etag)
    {
        if (ifNoneMatch.Length == 0)
        {
            return false;
        }

        var opaque = etag.StartsWith("W/", StringComparison.Ordinal) ? etag[2..] : etag;
        return ifNoneMatch.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Any(candidate => candidate == "*" || (candidate.StartsWith("W/", StringComparison.Ordinal) ? candidate[2..] : candidate) == opaque);
    }

    private async Task WriteFaultAsync(HttpContext context, FakeFault fault, FakeRateBudget budget, string requestId, FakeRequest entry)
    {
        if (fault.Kind == FakeFaultKind.DropConnection)
        {
            log.Add(entry with { Status = 0, Fault = fault.Kind });
            context.Abort();
            return;
        }

        var secondary = RestJson.Error(SecondaryMessage + requestId + ".", SecondaryDocs);
        var rate = budget.Peek();
        var answer = fault.Kind switch
        {
            FakeFaultKind.TooManyRequests => new FakeAnswer(429, secondary),
            FakeFaultKind.ServiceUnavailable => new FakeAnswer(503, RestJson.Error("Service Unavailable", "https://www.githubstatus.com")),
            _ => new FakeAnswer(403, secondary),
        };
        if (fault.RetryAfterSeconds is { } retryAfter)
        {
            answer.Headers["Retry-After"] = retryAfter.ToString(CultureInfo.InvariantCulture);
        }

        if (fault.Kind == FakeFaultKind.SecondaryRateLimitWithoutRetryAfter)
        {
            rate = (rate.Limit, 0, rate.Limit, options.Clock.GetUtcNow().AddSeconds(fault.ResetInSeconds ?? 60));
        }

        log.Add(entry with { Status = answer.Status, Fault = fault.Kind });
        await WriteAsync(context, answer, rate, budget.Resource, null);
    }

    private static async Task WriteAsync(
        HttpContext context, FakeAnswer answer, (int Limit, int Remaining, int Used, DateTimeOffset ResetAt) rate, string resource, FakeFault? fault)
    {
        var response = context.Response;
        response.StatusCode = answer.Status;
        foreach (var (name, value) in answer.Headers)
        {
            response.Headers[name] = value;
        }

        response.Headers["X-RateLimit-Limit"] = rate.Limit.ToString(CultureInfo.InvariantCulture);
        response.Headers["X-RateLimit-Remaining"] = rate.Remaining.ToString(CultureInfo.InvariantCulture);
        response.Headers["X-RateLimit-Reset"] = rate.ResetAt.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        response.Headers["X-RateLimit-Used"] = rate.Used.ToString(CultureInfo.InvariantCulture);
        response.Headers["X-RateLimit-Resource"] = resource;
        if (fault is { Kind: FakeFaultKind.OkWithRetryAfter, RetryAfterSeconds: { } retryAfter })
        {
            response.Headers["Retry-After"] = retryAfter.ToString(CultureInfo.InvariantCulture);
        }

        if (answer.Status == 304)
        {
            return;
        }

        response.ContentType = "application/json; charset=utf-8";
        response.ContentLength = answer.Body.Length;
        if (fault?.Kind == FakeFaultKind.TruncatedBody)
        {
            await response.Body.WriteAsync(answer.Body.AsMemory(0, answer.Body.Length / 2), context.RequestAborted);
            await response.Body.FlushAsync(context.RequestAborted);
            // Let the transport send the half before the abort, or the client would see no answer at all.
            await Task.Delay(TruncationGrace, context.RequestAborted);
            context.Abort();
            return;
        }

        await response.Body.WriteAsync(answer.Body, context.RequestAborted);
    }
}
