using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using OkrLinker.Fakes.GitHub.GraphQL;
using OkrLinker.Fakes.GitHub.Rest;
using OkrLinker.Fakes.Hosting;
using WireMock;
using WireMock.Types;
using WireMock.Util;

namespace OkrLinker.Fakes.GitHub.Server;

/// <summary>
/// The WireMock callback every request goes through: the fault the <see cref="FakeFaultGate"/> handed over, the
/// token check (401), the route, ETag/304 (free of charge), the rate-limit budget (403 when spent),
/// <c>X-RateLimit-*</c> headers, and the request log. Latency, slow answers, dropped connections and truncated
/// bodies are the gate's.
/// </summary>
internal sealed class FakeGitHubPipeline(
    FakeGitHubOptions options, string token, FakeRateBudget core, FakeRateBudget graphql,
    FakeFaultGate gate, FakeRequestLog log, RestRoutes rest, GraphQLEndpoint graph)
{
    private const string SecondaryMessage =
        "You have exceeded a secondary rate limit. Please wait a few minutes before you try again. "
        + "If you reach out to GitHub Support for help, please include the request ID ";

    private const string SecondaryDocs =
        "https://docs.github.com/rest/overview/rate-limits-for-the-rest-api#about-secondary-rate-limits";

    private long _requestIds;

    public Task<IResponseMessage> HandleAsync(IRequestMessage request)
    {
        try
        {
            return Task.FromResult<IResponseMessage>(Answer(request));
        }
        catch (Exception failure) when (failure is not OperationCanceledException)
        {
            // A bug in the fake shows up as GitHub's 500 body and in the log, not as a hung test.
            log.Add(new FakeRequest
            {
                Method = request.Method,
                Path = request.Path,
                Query = Query(request),
                Status = 500,
                Timestamp = options.Clock.GetUtcNow(),
            });
            var error = new FakeAnswer(500, RestJson.Error($"Server Error: {failure.Message}", "https://docs.github.com/rest"));
            return Task.FromResult<IResponseMessage>(Write(error, core.Peek(), core.Resource, null));
        }
    }

    /// <summary>The journal entry of a request whose connection the gate dropped.</summary>
    public void Dropped(HttpRequest request, FakeFault fault) => log.Add(new FakeRequest
    {
        Method = request.Method,
        Path = request.Path.Value ?? "/",
        Query = request.QueryString.Value ?? "",
        IfNoneMatch = request.Headers.IfNoneMatch.Count == 0 ? null : request.Headers.IfNoneMatch.ToString(),
        HadAuthorization = request.Headers.Authorization.Count > 0,
        IsGraphQL = FakeGitHubPaths.Normalize(request.Path.Value ?? "/") == "/graphql",
        Status = 0,
        Fault = fault.Kind,
        Timestamp = options.Clock.GetUtcNow(),
    });

    private ResponseMessage Answer(IRequestMessage request)
    {
        var rawPath = request.Path;
        var path = FakeGitHubPaths.Normalize(rawPath);
        var host = request.Origin.TrimEnd('/') + "/";
        var apiRoot = FakeGitHubPaths.IsEnterprise(rawPath) ? host + "api/v3/" : host;
        var isGraphQL = path == "/graphql";
        var ifNoneMatch = HeaderOf(request, "If-None-Match");
        var authorization = HeaderOf(request, "Authorization");
        var requestId = $"FAKE:{Interlocked.Increment(ref _requestIds).ToString("X6", CultureInfo.InvariantCulture)}";
        var query = Query(request);
        var entry = new FakeRequest
        {
            Method = request.Method,
            Path = rawPath,
            Query = query,
            IfNoneMatch = ifNoneMatch.Length == 0 ? null : ifNoneMatch,
            HadAuthorization = authorization.Length > 0,
            IsGraphQL = isGraphQL,
            Timestamp = options.Clock.GetUtcNow(),
            Body = HttpMethods.IsGet(request.Method) || isGraphQL ? null : request.Body,
            ContentType = HttpMethods.IsGet(request.Method) || isGraphQL ? null : HeaderOf(request, "Content-Type"),
        };
        var budget = isGraphQL ? graphql : core;

        var fault = gate.Take(request);
        if (fault is { ReplacesAnswer: true })
        {
            return WithIds(FaultAnswer(fault, budget, requestId, entry), requestId);
        }

        if (!Authorized(authorization))
        {
            var denied = new FakeAnswer(401, RestJson.Error("Bad credentials", isGraphQL ? "https://docs.github.com/graphql" : "https://docs.github.com/rest"));
            log.Add(entry with { Status = 401, Fault = fault?.Kind });
            return WithIds(Write(denied, (60, 60, 0, options.Clock.GetUtcNow().AddHours(1)), budget.Resource, fault), requestId);
        }

        var answer = isGraphQL ? GraphQL(request, host) : rest.Answer(request.Method, path, query, apiRoot, host, request.Body ?? "");
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
                return WithIds(Write(notModified, budget.Peek(), budget.Resource, null), requestId);
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
        return WithIds(Write(answer, budget.Peek(), budget.Resource, fault), requestId);
    }

    private FakeAnswer GraphQL(IRequestMessage request, string host)
    {
        if (!HttpMethods.IsPost(request.Method))
        {
            return new FakeAnswer(404, RestJson.Error("Not Found", "https://docs.github.com/graphql")) { Resource = "graphql" };
        }

        try
        {
            using var document = JsonDocument.Parse(request.BodyAsBytes ?? []);
            return graph.Answer(document.RootElement.Clone(), host);
        }
        catch (JsonException)
        {
            return new FakeAnswer(400, RestJson.Error("Problems parsing JSON", "https://docs.github.com/graphql")) { Resource = "graphql" };
        }
    }

    private static string Query(IRequestMessage request) => request.RawQuery is { Length: > 0 } q ? "?" + q.TrimStart('?') : "";

    private static string HeaderOf(IRequestMessage request, string name) =>
        request.Headers?.FirstOrDefault(h => string.Equals(h.Key, name, StringComparison.OrdinalIgnoreCase)).Value is { } values
            ? string.Join(", ", values)
            : "";

    private static ResponseMessage WithIds(ResponseMessage response, string requestId)
    {
        response.AddHeader("X-GitHub-Request-Id", requestId);
        response.AddHeader("X-GitHub-Media-Type", "github.v3; format=json");
        return response;
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

    private ResponseMessage FaultAnswer(FakeFault fault, FakeRateBudget budget, string requestId, FakeRequest entry)
    {
        var secondary = RestJson.Error(SecondaryMessage + requestId + ".", SecondaryDocs);
        var rate = budget.Peek();
        var answer = fault.Kind switch
        {
            FakeFaultKind.TooManyRequests => new FakeAnswer(429, secondary),
            FakeFaultKind.ServiceUnavailable => new FakeAnswer(503, RestJson.Error("Service Unavailable", "https://www.githubstatus.com")),
            FakeFaultKind.Forbidden => new FakeAnswer(403, RestJson.Error("Resource not accessible by personal access token", "https://docs.github.com/rest/issues/labels#add-labels-to-an-issue")),
            FakeFaultKind.Conflict => new FakeAnswer(409, RestJson.Error("Conflict: the issue was changed by another request", "https://docs.github.com/rest/issues/labels")),
            FakeFaultKind.PreconditionFailed => new FakeAnswer(412, RestJson.Error("Precondition Failed", "https://docs.github.com/rest/issues/labels")),
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
        return Write(answer, rate, budget.Resource, null);
    }

    private static ResponseMessage Write(FakeAnswer answer, (int Limit, int Remaining, int Used, DateTimeOffset ResetAt) rate, string resource, FakeFault? fault)
    {
        var response = new ResponseMessage { StatusCode = answer.Status };
        foreach (var (name, value) in answer.Headers)
        {
            response.AddHeader(name, value);
        }

        response.AddHeader("X-RateLimit-Limit", rate.Limit.ToString(CultureInfo.InvariantCulture));
        response.AddHeader("X-RateLimit-Remaining", rate.Remaining.ToString(CultureInfo.InvariantCulture));
        response.AddHeader("X-RateLimit-Reset", rate.ResetAt.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture));
        response.AddHeader("X-RateLimit-Used", rate.Used.ToString(CultureInfo.InvariantCulture));
        response.AddHeader("X-RateLimit-Resource", resource);
        if (fault is { Kind: FakeFaultKind.OkWithRetryAfter, RetryAfterSeconds: { } retryAfter })
        {
            response.AddHeader("Retry-After", retryAfter.ToString(CultureInfo.InvariantCulture));
        }

        if (answer.Status != 304)
        {
            response.AddHeader("Content-Type", "application/json; charset=utf-8");
            response.BodyData = new BodyData { BodyAsBytes = answer.Body, DetectedBodyType = BodyType.Bytes };
        }

        return response;
    }
}
