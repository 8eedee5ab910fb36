using System.Net;
using System.Text;
using System.Text.Json;
using OkrLinker.Connectors.Tests.Http.Support;

namespace OkrLinker.Connectors.Tests.Http;

public sealed class TransientRetryTests
{
    [Fact]
    public async Task Two_503s_then_200_take_three_requests_and_two_retries()
    {
        await using var server = await ScriptedHttpServer.StartAsync(Respond.With(503), Respond.With(503), Respond.Ok("{\"ok\":true}"));
        using var source = TestSource.Create(server);

        using var response = await source.Client.GetAsync(new Uri("repos/o/r/issues", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("{\"ok\":true}", await response.Content.ReadAsStringAsync());
        Assert.Equal(3, server.RequestCount);
        Assert.Equal(3, source.Counters.Requests);
        Assert.Equal(2, source.Counters.Retries);
        Assert.Equal(0, source.Counters.RateLimitWaits);
        Assert.Equal(1, source.Counters.ResponsesByStatusClass["2xx"]);
        Assert.Equal(2, source.Counters.ResponsesByStatusClass["5xx"]);
    }

    [Fact]
    public async Task Post_body_is_resent_identically_on_retry()
    {
        const string query = "{\"query\":\"query { viewer { login } }\",\"variables\":{}}";
        await using var server = await ScriptedHttpServer.StartAsync(Respond.With(502), Respond.Ok("{\"data\":{}}"));
        using var source = TestSource.Create(server);
        // A read-once stream: the second attempt can only send it from the handler's buffer.
        using var content = new StreamContent(new ForwardOnlyStream(Encoding.UTF8.GetBytes(query)));
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");

        using var response = await source.Client.PostAsync(new Uri("graphql", UriKind.Relative), content);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(2, server.RequestCount);
        Assert.All(server.Requests, r =>
        {
            Assert.Equal("POST", r.Method);
            Assert.Equal("/graphql", r.PathAndQuery);
            Assert.Equal(query, r.Body);
            Assert.Equal("application/json", r.ContentType);
            Assert.Equal("Bearer " + TestSource.Token, r.Authorization);
        });
    }

    [Fact]
    public async Task Dropped_connection_is_retried()
    {
        await using var server = await ScriptedHttpServer.StartAsync(Respond.Drop(), Respond.Ok("after the drop"));
        using var source = TestSource.Create(server);

        using var response = await source.Client.GetAsync(new Uri("rest/api/3/myself", UriKind.Relative));

        Assert.Equal("after the drop", await response.Content.ReadAsStringAsync());
        Assert.Equal(2, server.RequestCount);
        Assert.Equal(1, source.Counters.Retries);
        // The dropped attempt got no complete response: 2 requests, 1 response.
        Assert.Equal(2, source.Counters.Requests);
        Assert.Equal(1, source.Counters.ResponsesByStatusClass.Values.Sum());
    }

    [Fact]
    public async Task Truncated_body_is_retried_and_the_final_body_parses()
    {
        await using var server = await ScriptedHttpServer.StartAsync(
            Respond.Truncated("{\"items\":[1,", claimedLength: 1000),
            Respond.Ok("{\"items\":[1,2,3]}"));
        using var source = TestSource.Create(server);

        using var response = await source.Client.GetAsync(new Uri("items", UriKind.Relative));
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal(3, json.RootElement.GetProperty("items").GetArrayLength());
        Assert.Equal(2, server.RequestCount);
        Assert.Equal(1, source.Counters.Retries);
    }

    [Fact]
    public async Task Attempt_that_outlives_its_timeout_is_retried()
    {
        var options = TestSource.FastOptions();
        // Two seconds, not less: the second attempt has to come in under it on a loaded machine too (300 ms did not,
        // once, in a clean CI run that was building beside it, and counted a second retry).
        options.AttemptTimeout = TimeSpan.FromSeconds(2);
        await using var server = await ScriptedHttpServer.StartAsync(
            Respond.After(TimeSpan.FromSeconds(30), Respond.Ok("too late")),
            Respond.Ok("in time"));
        using var source = TestSource.Create(server, options);

        using var response = await source.Client.GetAsync(new Uri("slow", UriKind.Relative));

        Assert.Equal("in time", await response.Content.ReadAsStringAsync());
        Assert.Equal(1, source.Counters.Retries);
    }

    [Fact]
    public async Task Exhausted_retries_on_500_return_the_last_500()
    {
        var options = TestSource.FastOptions();
        options.MaxRetries = 2;
        await using var server = await ScriptedHttpServer.StartAsync(
            Respond.With(500, "first"), Respond.With(500, "second"), Respond.With(500, "third"), Respond.Ok("never reached"));
        using var source = TestSource.Create(server, options);

        using var response = await source.Client.GetAsync(new Uri("broken", UriKind.Relative));

        // MaxRetries 2 = 1 attempt + 2 retries = 3 requests; the third answer comes back.
        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Equal("third", await response.Content.ReadAsStringAsync());
        Assert.Equal(3, server.RequestCount);
        Assert.Equal(2, source.Counters.Retries);
    }

    [Fact]
    public async Task Exhausted_retries_on_dropped_connections_throw_the_last_exception()
    {
        var options = TestSource.FastOptions();
        options.MaxRetries = 1;
        await using var server = await ScriptedHttpServer.StartAsync(Respond.Drop());
        using var source = TestSource.Create(server, options);

        await Assert.ThrowsAsync<HttpRequestException>(() => source.Client.GetAsync(new Uri("gone", UriKind.Relative)));

        Assert.Equal(2, server.RequestCount);
        Assert.Equal(1, source.Counters.Retries);
    }

    [Fact]
    public async Task Not_modified_and_not_found_pass_through_untouched()
    {
        await using var server = await ScriptedHttpServer.StartAsync(
            Respond.With(304, "", ("ETag", "\"abc\"")), Respond.With(404, "{\"message\":\"Not Found\"}"));
        using var source = TestSource.Create(server);

        using var notModified = await source.Client.GetAsync(new Uri("repos/o/r/issues", UriKind.Relative));
        using var notFound = await source.Client.GetAsync(new Uri("repos/o/gone", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, notFound.StatusCode);
        Assert.Equal(2, server.RequestCount);
        Assert.Equal(0, source.Counters.Retries);
    }

    [Theory]
    [InlineData(408)]
    [InlineData(501)]
    [InlineData(505)]
    public async Task Request_timeout_and_every_5xx_are_retried(int status)
    {
        await using var server = await ScriptedHttpServer.StartAsync(Respond.With(status), Respond.Ok("{\"ok\":true}"));
        using var source = TestSource.Create(server);

        using var response = await source.Client.GetAsync(new Uri("repos/o/r/issues", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(2, server.RequestCount);
        Assert.Equal(1, source.Counters.Retries);
    }

    [Fact]
    public async Task A_429_is_waited_out_by_the_rate_limit_rules_and_spends_no_retry()
    {
        await using var server = await ScriptedHttpServer.StartAsync(Respond.With(429, "", ("Retry-After", "1")), Respond.Ok("{\"ok\":true}"));
        using var source = TestSource.Create(server);

        using var response = await source.Client.GetAsync(new Uri("repos/o/r/issues", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(2, server.RequestCount);
        Assert.Equal(0, source.Counters.Retries);
        Assert.Equal(1, source.Counters.RateLimitWaits);
    }

    [Fact]
    public async Task A_5xx_Retry_After_replaces_the_backoff_and_is_capped_at_MaxDelay()
    {
        var options = TestSource.FastOptions();
        options.MaxDelay = TimeSpan.FromMilliseconds(250);
        await using var server = await ScriptedHttpServer.StartAsync(
            Respond.With(503, "", ("Retry-After", "3600")),
            Respond.With(503, "", ("Retry-After", "0.1")),
            Respond.Ok("{\"ok\":true}"));
        using var source = TestSource.Create(server, options);

        using var response = await source.Client.GetAsync(new Uri("repos/o/r/issues", UriKind.Relative));

        // An hour asked for, MaxDelay (250 ms) waited; then the 100 ms asked for, not the exponential backoff.
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var retries = source.Logs.GetSnapshot().Where(r => r.Id.Id == 7101).Select(r => r.StructuredState!.Single(p => p.Key == "Delay").Value).ToList();
        Assert.Equal(["00:00:00.2500000", "00:00:00.1000000"], retries);
    }
}
