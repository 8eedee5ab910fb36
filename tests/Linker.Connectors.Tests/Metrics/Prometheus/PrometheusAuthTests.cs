using System.Text;
using OkrLinker.Connectors.Tests.Http.Support;
using OkrLinker.Connectors.Tests.Metrics.Support;
using OkrLinker.Core.Configuration;
using OkrLinker.Core.Metrics;
using static OkrLinker.Connectors.Tests.Metrics.Support.MetricRequests;

namespace OkrLinker.Connectors.Tests.Metrics.Prometheus;

/// <summary>How the prometheus provider authenticates and words refusals, against a scripted server that records what arrived.</summary>
public sealed class PrometheusAuthTests
{
    private const string Answer = """{"status":"success","data":{"resultType":"vector","result":[{"metric":{},"value":[1791027000,"42"]}]}}""";

    [Fact]
    public async Task Sends_the_token_as_bearer()
    {
        await using var server = await ScriptedHttpServer.StartAsync(Respond.Ok(Answer));
        Environment.SetEnvironmentVariable("OKR_TEST_PROM_BEARER", "s3cret-bearer");

        var samples = await ReadAsync(server, new AuthOptions { TokenEnv = "OKR_TEST_PROM_BEARER" });

        Assert.Equal(42.0, samples.Single().Value);
        var request = server.Requests.Single();
        Assert.Equal("Bearer s3cret-bearer", request.Authorization);
        Assert.Equal("/api/v1/query?query=up&time=1791027000&timeout=30s", request.PathAndQuery);
    }

    [Fact]
    public async Task Sends_user_and_token_as_basic_auth_when_a_user_is_named()
    {
        await using var server = await ScriptedHttpServer.StartAsync(Respond.Ok(Answer));
        Environment.SetEnvironmentVariable("OKR_TEST_PROM_BASIC", "pa55");

        await ReadAsync(server, new AuthOptions { Email = "okr", TokenEnv = "OKR_TEST_PROM_BASIC" });

        Assert.Equal("Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes("okr:pa55")), server.Requests.Single().Authorization);
    }

    [Fact]
    public async Task A_401_names_the_variable_and_never_the_token()
    {
        await using var server = await ScriptedHttpServer.StartAsync(Respond.With(401, "Unauthorized"));
        Environment.SetEnvironmentVariable("OKR_TEST_PROM_WRONG", "wrong-token");

        var error = await Assert.ThrowsAsync<MetricProviderException>(() => ReadAsync(server, new AuthOptions { TokenEnv = "OKR_TEST_PROM_WRONG" }));

        Assert.Equal("Metric provider 'prom', KR O1-KR1: Prometheus answered 401 Unauthorized — check the token in OKR_TEST_PROM_WRONG", error.Message);
        Assert.Equal(1, server.RequestCount);
    }

    [Fact]
    public async Task A_missing_variable_fails_that_read_before_any_request()
    {
        await using var server = await ScriptedHttpServer.StartAsync(Respond.Ok(Answer));

        var error = await Assert.ThrowsAsync<MetricProviderException>(() => ReadAsync(server, new AuthOptions { TokenEnv = "OKR_TEST_PROM_UNSET" }));

        Assert.Equal("Metric provider 'prom', KR O1-KR1: the environment variable OKR_TEST_PROM_UNSET (Auth.TokenEnv) is not set", error.Message);
        Assert.Equal(0, server.RequestCount);
    }

    [Fact]
    public async Task A_page_that_is_not_prometheus_says_so()
    {
        await using var server = await ScriptedHttpServer.StartAsync(Respond.With(404, "<html>Not Found</html>"));

        var error = await Assert.ThrowsAsync<MetricProviderException>(() => ReadAsync(server, new AuthOptions()));

        Assert.Equal("Metric provider 'prom', KR O1-KR1: Prometheus answered 404 NotFound without its JSON (is BaseUrl the Prometheus server?)", error.Message);
    }

    private static async Task<IReadOnlyList<MetricSample>> ReadAsync(ScriptedHttpServer server, AuthOptions auth)
    {
        var provider = ProviderHost.Build(new MetricProviderOptions { Name = "prom", Kind = "prometheus", BaseUrl = server.BaseAddress.ToString(), Auth = auth });
        using var owned = (IDisposable)provider;
        return await provider.ReadAsync(For("prom", "up", Utc(10, 3, 11, 30), Utc(10, 3, 11, 30)), CancellationToken.None);
    }
}
