using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using OkrLinker.Fakes.AzureDevOps.Server;
using OkrLinker.Fakes.Hosting;
using WireMock;
using WireMock.Types;
using WireMock.Server;
using WireMock.Util;

namespace OkrLinker.Fakes;

/// <summary>
/// A stateful fake of the Azure DevOps REST API (Services and Server) on WireMock.Net, bound to 127.0.0.1 on
/// a free port (DESIGN.md §6 traps 5, 6, 9, 10; §11). One catch-all mapping hands every request to a callback
/// over <see cref="FakeAzureDevOpsData"/>: faults first (429 / 503 with <c>Retry-After</c>, 200 with
/// <c>Retry-After</c> or <c>X-RateLimit-Delay</c>; slow answers, dropped connections and truncated bodies are done
/// by the <see cref="FakeFaultGate"/> in front of WireMock, as for every fake), then
/// the PAT (401, or 203 with a sign-in page), the api-version, and the route. Every request is journaled.
/// </summary>
public sealed class FakeAzureDevOps : IAsyncDisposable, IDisposable
{
    private readonly WireMockServer _server;
    private readonly AdoRoutes _routes;
    private readonly FakeAzureDevOpsOptions _options;
    private readonly FakeFaultGate _gate;

    private FakeAzureDevOps(FakeAzureDevOpsData data, FakeAzureDevOpsOptions options)
    {
        _options = options;
        Data = data;
        Token = options.Token ?? Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(26));
        _routes = new AdoRoutes(data, options, Token);
        _gate = new FakeFaultGate(Faults, AdoFaultRoutes.RoutePath, (request, fault) => Journal.Add(AdoFaultRoutes.Dropped(request, fault, options.Clock)), options.Latency);
        _server = FakeWireMock.Start(AnswerAsync, _gate);
        var port = _server.Port;
        Root = new Uri($"http://127.0.0.1:{port}/");
        BaseUrl = new Uri(Root, Uri.EscapeDataString(data.Organization) + "/");
    }

    /// <summary><c>http://127.0.0.1:&lt;port&gt;/</c>.</summary>
    public Uri Root { get; }

    /// <summary>The organization (or Server collection) URL: <c>http://127.0.0.1:&lt;port&gt;/acme/</c>.</summary>
    public Uri BaseUrl { get; }

    /// <summary>The only accepted PAT.</summary>
    public string Token { get; }

    public FakeAzureDevOpsData Data { get; }

    public FakeAdoJournal Journal { get; } = new();

    /// <summary>The most requests the fake held at once (from arrival, latency included, to the end of the answer).</summary>
    public int MaxInFlight => _gate.MaxInFlight;

    /// <summary>
    /// Faults by route pattern against the path without the organization, e.g. <c>"POST */_apis/wit/wiql"</c>,
    /// <c>"POST /_apis/wit/workitemsbatch"</c>, <c>"*"</c>.
    /// </summary>
    public FakeFaults Faults { get; } = new();

    public static FakeAzureDevOps Start(FakeAzureDevOpsData data, FakeAzureDevOpsOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(data);
        return new FakeAzureDevOps(data, options ?? new FakeAzureDevOpsOptions());
    }

    /// <summary>A 200 that carries <c>X-RateLimit-Delay</c> (and no <c>Retry-After</c>): Azure DevOps pacing a caller.</summary>
    public static FakeFault OkWithRateLimitDelay(TimeSpan delay) => new(FakeFaultKind.OkWithRetryAfter, Delay: delay);

    public void Dispose()
    {
        _server.Stop();
        _server.Dispose();
    }

    public ValueTask DisposeAsync()
    {
        Dispose();
        return ValueTask.CompletedTask;
    }

    private Task<IResponseMessage> AnswerAsync(IRequestMessage request) => Task.FromResult(Answer(request));

    private IResponseMessage Answer(IRequestMessage request)
    {
        var segments = request.AbsolutePath.Split('/', StringSplitOptions.RemoveEmptyEntries).Select(Uri.UnescapeDataString).ToList();
        var query = (request.Query ?? new Dictionary<string, WireMockList<string>>())
            .ToDictionary(q => q.Key, q => q.Value.FirstOrDefault() ?? "", StringComparer.OrdinalIgnoreCase);
        var entry = new FakeAdoRequest
        {
            Kind = AdoRoutes.KindOf(request.Method, segments),
            Method = request.Method,
            Path = request.AbsolutePath,
            Query = request.RawQuery ?? "",
            Timestamp = _options.Clock.GetUtcNow(),
        };

        var headers = request.Headers ?? new Dictionary<string, WireMockList<string>>();
        var contentType = headers.FirstOrDefault(h => string.Equals(h.Key, "Content-Type", StringComparison.OrdinalIgnoreCase)).Value?.FirstOrDefault();
        if (request.Method == "PATCH")
        {
            entry = entry with { Body = request.Body, ContentType = contentType };
        }

        var fault = _gate.Take(request);
        if (fault is { ReplacesAnswer: true })
        {
            Journal.Add(entry with { Status = StatusOf(fault), Fault = fault.Kind });
            return Refusal(fault);
        }

        AdoAnswer answer;
        try
        {
            headers.TryGetValue("Authorization", out var auth);
            answer = _routes.Answer(request.Method, segments, query, auth?.FirstOrDefault(), request.Body ?? "", BaseUrl.ToString(), contentType);
        }
        catch (Exception bug) when (bug is InvalidOperationException or FormatException or KeyNotFoundException or ArgumentException or JsonException)
        {
            answer = new AdoAnswer(500, AdoJson.Error($"VS000000: the fake failed: {bug.Message}", "FakeServerException"), entry.Kind);
        }

        var response = new ResponseMessage
        {
            StatusCode = answer.Status,
            Headers = new Dictionary<string, WireMockList<string>>
            {
                ["Content-Type"] = new(answer.Html is null ? "application/json; charset=utf-8; api-version=7.1" : "text/html; charset=utf-8"),
                ["ActivityId"] = new(Guid.NewGuid().ToString()),
            },
            BodyData = new BodyData
            {
                BodyAsString = answer.Html ?? answer.Json?.ToJsonString() ?? "",
                DetectedBodyType = BodyType.String,
            },
        };
        foreach (var (name, value) in answer.Headers)
        {
            response.Headers[name] = new WireMockList<string>(value);
        }

        if (fault is { Kind: FakeFaultKind.OkWithRetryAfter })
        {
            // Azure DevOps keeps serving while it throttles and says so in headers.
            response.Headers["X-RateLimit-Resource"] = new("WorkItemTracking");
            response.Headers["X-RateLimit-Limit"] = new("200");
            response.Headers["X-RateLimit-Remaining"] = new("0");
            if (fault.RetryAfterSeconds is { } retryAfter)
            {
                response.Headers["Retry-After"] = new(retryAfter.ToString(CultureInfo.InvariantCulture));
            }

            if (fault.Delay is { } delay)
            {
                response.Headers["X-RateLimit-Delay"] = new(delay.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture));
            }
        }

        Journal.Add(entry with { Status = answer.Status, Fault = fault?.Kind, Wiql = answer.Wiql, Count = answer.Count, Kind = answer.Kind });
        return response;
    }

    private static int StatusOf(FakeFault fault) => fault.Kind switch
    {
        FakeFaultKind.ServiceUnavailable => 503,
        FakeFaultKind.Forbidden => 403,
        FakeFaultKind.Conflict => 409,
        FakeFaultKind.PreconditionFailed => 412,
        _ => 429,
    };

    private static ResponseMessage Refusal(FakeFault fault)
    {
        var status = StatusOf(fault);
        var headers = new Dictionary<string, WireMockList<string>>
        {
            ["Content-Type"] = new("application/json; charset=utf-8"),
            ["X-RateLimit-Resource"] = new("WorkItemTracking"),
        };
        if (fault.RetryAfterSeconds is { } retryAfter)
        {
            headers["Retry-After"] = new(retryAfter.ToString(CultureInfo.InvariantCulture));
            headers["X-RateLimit-Delay"] = new(retryAfter.ToString(CultureInfo.InvariantCulture));
        }

        var message = status switch
        {
            403 => "TF400813: The user 'okr-linker-bot@acme.com' is not authorized to access this resource: the token may read work items but not write them.",
            409 => "VS402371: The work item was changed by another request.",
            412 => "TF26071: This work item has been changed by someone else since you opened it. You will need to refresh it and discard your changes.",
            _ => null,
        } ?? (status == 429
            ? "TF400733: The request has been canceled: Request was blocked due to exceeding usage of resource 'WorkItemTrackingResource' in namespace 'User'."
            : "VS800045: The service is temporarily unavailable.");
        return new ResponseMessage
        {
            StatusCode = status,
            Headers = headers,
            BodyData = new BodyData { BodyAsString = AdoJson.Error(message, status == 429 ? "RequestBlockedException" : "ServiceUnavailableException").ToJsonString(), DetectedBodyType = BodyType.String },
        };
    }
}
