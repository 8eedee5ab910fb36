using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using OkrLinker.Fakes.Hosting;
using OkrLinker.Fakes.Jira;
using WireMock;
using WireMock.Server;
using WireMock.Types;
using WireMock.Util;

namespace OkrLinker.Fakes;

/// <summary>
/// A stateful fake of Jira Cloud or Jira Data Center (DESIGN.md §6 traps 1–4, 9, 10; §11), hosted by WireMock.Net
/// on 127.0.0.1 at a free port like every fake (<see cref="FakeWireMock"/>, faults by the <see cref="FakeFaultGate"/>):
/// one catch-all mapping whose callback answers from <see cref="Data"/>. Data Center
/// sits under a context path (<c>/jira/</c>), as it often does. Every request is in <see cref="Requests"/> (our
/// journal, written before the answer leaves) and in WireMock's own <see cref="WireMockServer.LogEntries"/>.
/// </summary>
public sealed class FakeJira : IDisposable
{
    private readonly WireMockServer server;
    private readonly FakeJiraOptions options;
    private readonly FakeJiraJson json;
    private readonly FakeJiraSearch search;
    private readonly string contextPath;

    private readonly FakeFaultGate gate;

    private FakeJira(WireMockServer server, FakeJiraData data, FakeJiraOptions options, string token, string contextPath, FakeFaults faults, FakeFaultGate gate)
    {
        this.gate = gate;
        Faults = faults;
        this.server = server;
        this.options = options;
        this.contextPath = contextPath;
        Data = data;
        Token = token;
        BaseUrl = new Uri($"http://127.0.0.1:{server.Port}{contextPath}");
        json = new FakeJiraJson(options, BaseUrl.ToString(), data.Find);
        search = new FakeJiraSearch(data, options, json);
    }

    /// <summary>The site: <c>http://127.0.0.1:&lt;port&gt;/</c> (Cloud) or <c>…/jira/</c> (Data Center).</summary>
    public Uri BaseUrl { get; }

    public string Email => options.Email;

    /// <summary>The only accepted API token (Cloud, with <see cref="Email"/>) or personal access token (Data Center).</summary>
    public string Token { get; }

    public FakeJiraFlavor Flavor => options.Flavor;

    public FakeJiraData Data { get; }

    public FakeRequestLog Requests { get; } = new();

    public FakeFaults Faults { get; }

    /// <summary>Every JQL searched, in order.</summary>
    public IReadOnlyList<string> Searches => [.. search.Queries];

    /// <summary>The search requests in the journal (<c>search/jql</c> on Cloud, <c>search</c> on Data Center), faults included.</summary>
    public int SearchRequests => Requests.Where(r => r.Path.EndsWith(Flavor == FakeJiraFlavor.Cloud ? "/search/jql" : "/search", StringComparison.Ordinal)).Count;

    public WireMockServer Server => server;

    /// <summary>The most requests the fake held at once (from arrival, latency included, to the end of the answer).</summary>
    public int MaxInFlight => gate.MaxInFlight;

    /// <summary>
    /// Called with the JQL and <c>startAt</c> before a Data Center search is answered, on the answering thread: a test changes the data
    /// in the middle of a read here, or throws <see cref="Jira.FakeJqlException"/> to have that page refused with a 400.
    /// </summary>
    public Action<string, int>? BeforeDataCenterPage { get; set; }

    public static FakeJira Start(FakeJiraData data, FakeJiraOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(data);
        options ??= new FakeJiraOptions();
        var token = options.Token ?? (options.Flavor == FakeJiraFlavor.Cloud ? "ATATT3x" : "NjQ") + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        var contextPath = options.Flavor == FakeJiraFlavor.Cloud ? "/" : "/jira/";
        FakeJira? fake = null;
        var faults = new FakeFaults();
        var gate = new FakeFaultGate(faults, path => RoutePath(path, contextPath), (request, fault) => fake!.Dropped(request, fault), options.Latency);
        var server = FakeWireMock.Start(request => fake!.AnswerAsync(request), gate);
        fake = new FakeJira(server, data, options, token, contextPath, faults, gate);
        return fake;
    }

    public void Dispose() => server.Stop();

    private static string RoutePath(string path, string contextPath) =>
        path.StartsWith(contextPath, StringComparison.Ordinal) ? "/" + path[contextPath.Length..] : path;

    private void Dropped(Microsoft.AspNetCore.Http.HttpRequest request, FakeFault fault) => Requests.Add(new FakeRequest
    {
        Method = request.Method,
        Path = RoutePath(request.Path.Value ?? "/", contextPath),
        Query = request.QueryString.Value ?? "",
        HadAuthorization = request.Headers.Authorization.Count > 0,
        Timestamp = options.Clock.GetUtcNow(),
        Status = 0,
        Fault = fault.Kind,
    });

    private Task<IResponseMessage> AnswerAsync(IRequestMessage request)
    {
        var path = RoutePath(request.Path, contextPath);
        var entry = new FakeRequest
        {
            Method = request.Method,
            Path = path,
            Query = request.RawQuery is { Length: > 0 } q ? "?" + q.TrimStart('?') : "",
            HadAuthorization = request.Headers?.ContainsKey("Authorization") == true,
            Timestamp = options.Clock.GetUtcNow(),
            Body = request.Method is "PUT" or "POST" ? request.Body : null,
            ContentType = request.Method is "PUT" or "POST" && request.Headers?.TryGetValue("Content-Type", out var type) == true ? string.Join(", ", type) : null,
        };
        var fault = gate.Take(request);
        var answer = fault is { ReplacesAnswer: true } ? FaultAnswer(fault) : Route(request, path);
        if (fault?.Kind == FakeFaultKind.OkWithRetryAfter)
        {
            answer.AddHeader("Retry-After", (fault.RetryAfterSeconds ?? 1).ToString(CultureInfo.InvariantCulture));
        }

        Requests.Add(entry with { Status = (int)answer.StatusCode!, Fault = fault?.Kind });
        return Task.FromResult<IResponseMessage>(answer);
    }

    private ResponseMessage Route(IRequestMessage request, string path)
    {
        var cloud = options.Flavor == FakeJiraFlavor.Cloud;
        if (options.CaptchaLocked)
        {
            var locked = Json(403, FakeJiraJson.Errors("Authentication failed: the account requires a CAPTCHA."));
            locked.AddHeader("X-Seraph-LoginReason", "AUTHENTICATION_DENIED");
            locked.AddHeader("X-Authentication-Denied-Reason", $"CAPTCHA_CHALLENGE; login-url={BaseUrl}login.jsp");
            return locked;
        }

        var version = path.StartsWith("/rest/api/3/", StringComparison.Ordinal) ? 3 : path.StartsWith("/rest/api/2/", StringComparison.Ordinal) ? 2 : 0;
        var resource = version == 0 ? path : path[("/rest/api/" + version).Length..];
        if (version == 0 || (version == 3 && !cloud))
        {
            return Json(404, FakeJiraJson.Errors("null for uri: " + request.AbsoluteUrl));
        }

        var signedIn = SignedIn(request);
        if (!signedIn && !cloud)
        {
            var denied = Json(401, FakeJiraJson.Errors("You are not authenticated. Authentication required to perform this operation."));
            denied.AddHeader("X-Seraph-LoginReason", "AUTHENTICATED_FAILED");
            return denied;
        }

        var answer = resource switch
        {
            "/serverInfo" when request.Method == "GET" => Json(200, json.ServerInfo(options.Clock.GetUtcNow())),
            "/myself" when request.Method == "GET" => signedIn ? Json(200, json.Myself()) : Json(401, FakeJiraJson.Errors("Client must be authenticated to access this resource.")),
            "/field" when request.Method == "GET" => Json(200, json.Fields()),
            "/search/jql" when cloud => Search(request, signedIn),
            "/search" when cloud => Json(410, FakeJiraJson.Errors("The requested API has been removed. Please migrate to the /rest/api/3/search/jql API. A full migration guideline is available at https://developer.atlassian.com/changelog/#CHANGE-2046")),
            "/search" => Search(request, signedIn),
            _ when resource.StartsWith("/issue/", StringComparison.Ordinal) && request.Method == "GET" => Issue(resource["/issue/".Length..]),
            _ when resource.StartsWith("/issue/", StringComparison.Ordinal) && request.Method == "PUT" => signedIn
                ? EditIssue(Uri.UnescapeDataString(resource["/issue/".Length..]), request.Body ?? "")
                : Json(401, FakeJiraJson.Errors("You are not authenticated. Authentication required to perform this operation.")),
            _ => Json(404, FakeJiraJson.Errors("null for uri: " + request.AbsoluteUrl)),
        };
        if (cloud && request.Headers?.ContainsKey("Authorization") == true && !signedIn)
        {
            // Jira Cloud serves a wrong token as the anonymous user and says so only in this header.
            answer.AddHeader("X-Seraph-LoginReason", "AUTHENTICATED_FAILED");
        }

        return answer;
    }

    private ResponseMessage Search(IRequestMessage request, bool signedIn)
    {
        JsonObject body = request.Method == "POST" && !string.IsNullOrWhiteSpace(request.Body)
            ? JsonNode.Parse(request.Body) as JsonObject ?? []
            : [];
        string? Query(string name) => request.Query?.TryGetValue(name, out var v) == true ? v.FirstOrDefault() : null;
        var jql = body["jql"]?.GetValue<string>() ?? Query("jql") ?? "";
        var fields = body.ContainsKey("fields") ? FakeJiraSearch.FieldList(body["fields"]) : FakeJiraSearch.FieldList(Query("fields"));
        var maxResults = FakeJiraSearch.Int(body["maxResults"]) ?? FakeJiraSearch.Int(Query("maxResults"));
        try
        {
            if (!signedIn)
            {
                // The anonymous user may browse nothing: a valid answer with no issues.
                FakeJql.Parse(jql, options.ProfileZone, Data.Projects);
                return Json(200, options.Flavor == FakeJiraFlavor.Cloud
                    ? new JsonObject { ["issues"] = new JsonArray(), ["isLast"] = true }
                    : new JsonObject { ["startAt"] = 0, ["maxResults"] = maxResults ?? 50, ["total"] = 0, ["issues"] = new JsonArray() });
            }

            return Json(200, options.Flavor == FakeJiraFlavor.Cloud
                ? search.Cloud(jql, fields, maxResults, body["nextPageToken"]?.GetValue<string>() ?? Query("nextPageToken"))
                : DataCenterPage(jql, fields, FakeJiraSearch.Int(body["startAt"]) ?? FakeJiraSearch.Int(Query("startAt")), maxResults));
        }
        catch (FakeJqlException refused)
        {
            return Json(400, FakeJiraJson.Errors(refused.Message));
        }
    }

    private JsonObject DataCenterPage(string jql, IReadOnlyCollection<string> fields, int? startAt, int? maxResults)
    {
        BeforeDataCenterPage?.Invoke(jql, startAt ?? 0);
        return search.DataCenter(jql, fields, startAt, maxResults);
    }

    private ResponseMessage Issue(string idOrKey)
    {
        var issue = Data.Issues.FirstOrDefault(i => i.Key == idOrKey || i.Id.ToString(CultureInfo.InvariantCulture) == idOrKey);
        return issue is null
            ? Json(404, FakeJiraJson.Errors("Issue does not exist or you do not have permission to see it."))
            : Json(200, json.Issue(issue, ["*all"]));
    }

    // PUT /issue/{key}: only "update.labels" with add/remove operations (and "fields.labels", which sets them); 204 as Jira answers.
    private ResponseMessage EditIssue(string idOrKey, string body)
    {
        var issue = Data.Issues.FirstOrDefault(i => i.Key == idOrKey || i.Id.ToString(CultureInfo.InvariantCulture) == idOrKey);
        if (issue is null)
        {
            return Json(404, FakeJiraJson.Errors("Issue does not exist or you do not have permission to see it."));
        }

        JsonObject? edit;
        try
        {
            edit = JsonNode.Parse(body) as JsonObject;
        }
        catch (System.Text.Json.JsonException)
        {
            edit = null;
        }

        if (edit is null)
        {
            return Json(400, FakeJiraJson.Errors("Unexpected character: the request body is not valid JSON."));
        }

        var labels = issue.Labels.ToList();
        foreach (var operation in (edit["update"]?["labels"] as JsonArray) ?? [])
        {
            if (operation?["add"]?.GetValue<string>() is { } add)
            {
                if (add.Contains(' ', StringComparison.Ordinal))
                {
                    return Json(400, new JsonObject { ["errorMessages"] = new JsonArray(), ["errors"] = new JsonObject { ["labels"] = "The label 'labels' can't contain spaces." } });
                }

                if (!labels.Contains(add, StringComparer.Ordinal))
                {
                    labels.Add(add);
                }
            }

            if (operation?["remove"]?.GetValue<string>() is { } remove)
            {
                labels.Remove(remove);
            }
        }

        if (edit["fields"]?["labels"] is JsonArray set)
        {
            labels = [.. set.Select(l => l!.GetValue<string>())];
        }

        Data.Edit(issue.Id, i => i with { Labels = labels });
        return new ResponseMessage { StatusCode = 204 };
    }

    private bool SignedIn(IRequestMessage request)
    {
        var header = request.Headers?.TryGetValue("Authorization", out var values) == true ? values.FirstOrDefault() ?? "" : "";
        var expected = options.Flavor == FakeJiraFlavor.Cloud
            ? "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes($"{options.Email}:{Token}"))
            : "Bearer " + Token;
        return CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(header), Encoding.UTF8.GetBytes(expected));
    }

    private ResponseMessage FaultAnswer(FakeFault fault)
    {
        var answer = fault.Kind switch
        {
            FakeFaultKind.TooManyRequests => Json(429, FakeJiraJson.Errors("Rate limit exceeded.")),
            FakeFaultKind.ServiceUnavailable => Json(503, FakeJiraJson.Errors("Service Unavailable")),
            FakeFaultKind.Forbidden => Json(403, FakeJiraJson.Errors("You do not have permission to edit issues in this project.")),
            FakeFaultKind.Conflict => Json(409, FakeJiraJson.Errors("The issue was changed by another request; try again.")),
            FakeFaultKind.PreconditionFailed => Json(412, FakeJiraJson.Errors("Precondition Failed")),
            _ => Json(403, FakeJiraJson.Errors("Rate limit exceeded.")),
        };
        if (fault.RetryAfterSeconds is { } retryAfter)
        {
            answer.AddHeader("Retry-After", retryAfter.ToString(CultureInfo.InvariantCulture));
        }

        if (fault.Kind == FakeFaultKind.SecondaryRateLimitWithoutRetryAfter)
        {
            answer.AddHeader("X-RateLimit-Remaining", "0");
            answer.AddHeader("X-RateLimit-Reset", options.Clock.GetUtcNow().AddSeconds(fault.ResetInSeconds ?? 60).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));
        }

        return answer;
    }

    private static ResponseMessage Json(int status, JsonNode body)
    {
        var answer = new ResponseMessage
        {
            StatusCode = status,
            BodyData = new BodyData { BodyAsString = body.ToJsonString(), DetectedBodyType = BodyType.String, Encoding = Encoding.UTF8 },
        };
        answer.AddHeader("Content-Type", "application/json;charset=UTF-8");
        return answer;
    }
}
