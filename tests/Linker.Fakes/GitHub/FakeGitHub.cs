using System.Security.Cryptography;
using OkrLinker.Fakes.GitHub.GraphQL;
using OkrLinker.Fakes.GitHub.Rest;
using OkrLinker.Fakes.GitHub.Server;
using OkrLinker.Fakes.Hosting;
using WireMock.Server;

namespace OkrLinker.Fakes;

/// <summary>
/// A stateful fake of GitHub's REST and GraphQL APIs, hosted like the fake Jira and Azure DevOps: WireMock.Net on
/// 127.0.0.1 at a free port, one catch-all callback over <see cref="Data"/>, latency and faults by the
/// <see cref="FakeFaultGate"/> in front, every request in <see cref="Requests"/> (DESIGN.md §6 traps 7–11, §11). The
/// GraphQL schema validation is ours. REST at <see cref="BaseUrl"/> (GraphQL at <c>POST /graphql</c>) and in the
/// GHES shape at <see cref="EnterpriseBaseUrl"/> (<c>/api/v3/...</c>, GraphQL at <c>/api/graphql</c>).
/// </summary>
public sealed class FakeGitHub : IAsyncDisposable
{
    private readonly WireMockServer _server;

    private FakeGitHub(WireMockServer server, Uri root, string token, FakeGitHubData data, FakeRateBudget core, FakeRateBudget graphql, FakeFaults faults, FakeRequestLog requests)
    {
        _server = server;
        BaseUrl = root;
        EnterpriseBaseUrl = new Uri(root, "api/v3/");
        Token = token;
        Data = data;
        Core = core;
        GraphQL = graphql;
        Faults = faults;
        Requests = requests;
    }

    /// <summary><c>http://127.0.0.1:&lt;port&gt;/</c>: the REST root; GraphQL at <c>POST /graphql</c>.</summary>
    public Uri BaseUrl { get; }

    /// <summary><c>http://127.0.0.1:&lt;port&gt;/api/v3/</c>: the same routes in the GHES shape; GraphQL at <c>/api/graphql</c>.</summary>
    public Uri EnterpriseBaseUrl { get; }

    /// <summary><c>http://127.0.0.1:&lt;port&gt;/graphql</c>.</summary>
    public Uri GraphQLUrl => new(BaseUrl, "graphql");

    /// <summary><c>http://127.0.0.1:&lt;port&gt;/api/graphql</c>.</summary>
    public Uri EnterpriseGraphQLUrl => new(BaseUrl, "api/graphql");

    /// <summary>The only accepted token (<c>Authorization: Bearer &lt;t&gt;</c> or <c>token &lt;t&gt;</c>).</summary>
    public string Token { get; }

    public FakeGitHubData Data { get; }

    public FakeRequestLog Requests { get; }

    public FakeFaults Faults { get; }

    /// <summary>The token's REST budget (<c>X-RateLimit-Resource: core</c>).</summary>
    public FakeRateBudget Core { get; }

    /// <summary>The token's GraphQL budget (<c>X-RateLimit-Resource: graphql</c>).</summary>
    public FakeRateBudget GraphQL { get; }

    public static Task<FakeGitHub> StartAsync(FakeGitHubData data, FakeGitHubOptions? options = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(data);
        options ??= new FakeGitHubOptions();
        var schemaPath = options.SchemaPath ?? FakeGitHubGraphQL.DefaultSchemaPath;
        if (!File.Exists(schemaPath))
        {
            throw new FileNotFoundException($"GitHub's GraphQL schema is missing: '{schemaPath}'.", schemaPath);
        }

        var token = options.Token ?? "ghp_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(18));
        var core = new FakeRateBudget("core", options.CoreLimit, options.RateLimitWindow, options.Clock);
        var graphql = new FakeRateBudget("graphql", options.GraphQLLimit, options.RateLimitWindow, options.Clock);
        var faults = new FakeFaults();
        var requests = new FakeRequestLog();
        FakeGitHubPipeline? pipeline = null;
        var gate = new FakeFaultGate(faults, FakeGitHubPaths.Normalize, (request, fault) => pipeline!.Dropped(request, fault), options.Latency);
        pipeline = new FakeGitHubPipeline(
            options, token, core, graphql, gate, requests,
            new RestRoutes(data, options.ViewerLogin, core, graphql),
            new GraphQLEndpoint(data, schemaPath, graphql, options.ViewerLogin));
        ct.ThrowIfCancellationRequested();
        var server = FakeWireMock.Start(pipeline.HandleAsync, gate);
        return Task.FromResult(new FakeGitHub(server, new Uri($"http://127.0.0.1:{server.Port}/"), token, data, core, graphql, faults, requests));
    }

    public ValueTask DisposeAsync()
    {
        _server.Stop();
        _server.Dispose();
        return ValueTask.CompletedTask;
    }
}
