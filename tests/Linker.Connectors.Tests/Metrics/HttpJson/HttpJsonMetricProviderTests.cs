using OkrLinker.Connectors.Tests.Http.Support;
using OkrLinker.Connectors.Tests.Metrics.Support;
using OkrLinker.Core.Configuration;
using OkrLinker.Core.Metrics;
using OkrLinker.Fakes;
using static OkrLinker.Connectors.Tests.Metrics.Support.MetricRequests;

namespace OkrLinker.Connectors.Tests.Metrics.HttpJson;

/// <summary>The http-json provider against a local Kestrel server: GET under BaseUrl, headers from env, a JSONPath picks the number.</summary>
public sealed class HttpJsonMetricProviderTests
{
    private const string Stats = """{"data":{"value":42.5,"label":"activation"},"items":[{"v":1},{"v":"2.25"},{"v":null}]}""";
    private static readonly DateTimeOffset Now = Utc(10, 20, 6);

    [Fact]
    public async Task Gets_the_path_under_the_base_url_with_headers_from_env_and_picks_the_number()
    {
        await using var server = await ScriptedHttpServer.StartAsync(Respond.Ok(Stats));
        Environment.SetEnvironmentVariable("OKR_TEST_STATS_AUTH", "Token s3cret-stats");

        var samples = await ReadAsync(server, "/api/v1/activation?team=growth", "$.data.value", "api-root/");

        Assert.Equal((Now, 42.5), (samples.Single().At, samples.Single().Value));
        var request = server.Requests.Single();
        Assert.Equal(("GET", "/api-root/api/v1/activation?team=growth", "Token s3cret-stats"), (request.Method, request.PathAndQuery, request.Authorization));
    }

    [Theory]
    [InlineData("$.items[0].v", 1.0)]
    [InlineData("$['items'][1][\"v\"]", 2.25)]
    [InlineData("$.items[-2].v", 2.25)]
    public async Task The_path_subset_reads_names_quoted_names_and_indexes(string path, double expected)
    {
        await using var server = await ScriptedHttpServer.StartAsync(Respond.Ok(Stats));

        Assert.Equal(expected, (await ReadAsync(server, "stats", path)).Single().Value);
    }

    [Theory]
    [InlineData("$.data.count", "$.data.count: $.data has no 'count' (it is an object)")]
    [InlineData("$.items[5].v", "$.items[5].v: $.items has no item [5] (it is a list of 3)")]
    [InlineData("$.data.label", "$.data.label is the text \"activation\", not a number")]
    [InlineData("$.items[2].v", "$.items[2].v is null, not a number")]
    [InlineData("$..value", "JSONPath '$..value': only $, .name, ['name'] and [index] are supported (at character 3)")]
    public async Task A_path_that_leads_to_no_number_says_where_it_stopped(string path, string reason)
    {
        await using var server = await ScriptedHttpServer.StartAsync(Respond.Ok(Stats));

        var error = await Assert.ThrowsAsync<MetricProviderException>(() => ReadAsync(server, "stats", path));

        Assert.Equal($"Metric provider 'stats', KR O1-KR1: {reason}", error.Message);
    }

    [Fact]
    public async Task A_server_error_names_the_path_and_status_after_the_retries()
    {
        await using var server = await ScriptedHttpServer.StartAsync(Respond.With(500, "boom"));

        var error = await Assert.ThrowsAsync<MetricProviderException>(() => ReadAsync(server, "/api/x?key=1", "$.v"));

        Assert.Equal("Metric provider 'stats', KR O1-KR1: GET /api/x answered 500 Internal Server Error", error.Message);
        Assert.Equal(3, server.RequestCount); // the first try and Http:MaxRetries 2
    }

    [Fact]
    public async Task A_refused_header_names_its_variable_never_its_value()
    {
        await using var server = await ScriptedHttpServer.StartAsync(Respond.With(401, """{"message":"bad token"}"""));
        Environment.SetEnvironmentVariable("OKR_TEST_STATS_AUTH", "Token wrong-value");

        var error = await Assert.ThrowsAsync<MetricProviderException>(() => ReadAsync(server, "stats", "$.v"));

        Assert.Equal("Metric provider 'stats', KR O1-KR1: The HTTP server answered 401 Unauthorized (bad token) — check the token in OKR_TEST_STATS_AUTH", error.Message);
        Assert.DoesNotContain("wrong-value", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unset_header_variable_fails_before_any_request()
    {
        await using var server = await ScriptedHttpServer.StartAsync(Respond.Ok(Stats));

        var error = await Assert.ThrowsAsync<MetricProviderException>(() => ReadAsync(server, "stats", "$.v", headerVariable: "OKR_TEST_STATS_UNSET"));

        Assert.Equal("Metric provider 'stats', KR O1-KR1: the environment variable OKR_TEST_STATS_UNSET (HeadersEnv:Authorization) is not set", error.Message);
        Assert.Equal(0, server.RequestCount);
    }

    [Fact]
    public async Task A_body_that_is_not_json_says_so()
    {
        await using var server = await ScriptedHttpServer.StartAsync(Respond.Ok("<html>hi</html>"));

        var error = await Assert.ThrowsAsync<MetricProviderException>(() => ReadAsync(server, "stats", "$.v"));

        Assert.Equal(
            "Metric provider 'stats', KR O1-KR1: the answer was cut short or not the JSON it claimed to be, and stayed so when asked again",
            error.Message);
    }

    private static async Task<IReadOnlyList<MetricSample>> ReadAsync(
        ScriptedHttpServer server, string query, string path, string under = "", string headerVariable = "OKR_TEST_STATS_AUTH")
    {
        Environment.SetEnvironmentVariable("OKR_TEST_STATS_AUTH", Environment.GetEnvironmentVariable("OKR_TEST_STATS_AUTH") ?? "Token t");
        var options = new MetricProviderOptions
        {
            Name = "stats",
            Kind = "http-json",
            BaseUrl = new Uri(server.BaseAddress, under).ToString(),
            HeadersEnv = new(StringComparer.OrdinalIgnoreCase) { ["Authorization"] = headerVariable },
        };
        var provider = ProviderHost.Build(options, time: new FakeClock(Now));
        using var owned = (IDisposable)provider;
        return await provider.ReadAsync(For("stats", query, Utc(10, 1), Now, path), CancellationToken.None);
    }
}
