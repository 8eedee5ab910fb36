using System.Diagnostics;
using System.Net;
using System.Text.Json;
using Microsoft.Extensions.Time.Testing;
using OkrLinker.Fakes;
using static OkrLinker.Connectors.Tests.Fakes.FakeGitHubHttp;

namespace OkrLinker.Connectors.Tests.Fakes;

public sealed class FakeGitHubFaultTests
{
    private const string Issues = "repos/acme/web/issues";
    private const string Route = "GET /repos/*/issues";

    [Fact]
    public async Task Too_many_requests_is_429_with_Retry_After_then_the_normal_answer()
    {
        await using var fake = await FakeGitHub.StartAsync(FiveIssues());
        using var client = Client(fake);
        fake.Faults.Add(Route, FakeFault.TooManyRequests(7), times: 2);

        using var first = await Get(client);
        using var second = await Get(client);
        using var third = await Get(client);

        Assert.Equal([HttpStatusCode.TooManyRequests, HttpStatusCode.TooManyRequests, HttpStatusCode.OK], new[] { first.StatusCode, second.StatusCode, third.StatusCode });
        Assert.Equal(TimeSpan.FromSeconds(7), first.Headers.RetryAfter?.Delta);
        Assert.Equal([FakeFaultKind.TooManyRequests, FakeFaultKind.TooManyRequests, null], fake.Requests.All.Select(entry => entry.Fault));
        Assert.Equal(0, fake.Faults.Pending);
    }

    [Fact]
    public async Task Secondary_rate_limit_is_403_with_Retry_After_and_GitHubs_message()
    {
        await using var fake = await FakeGitHub.StartAsync(FiveIssues());
        using var client = Client(fake);
        fake.Faults.Add(Route, FakeFault.SecondaryRateLimit(60));

        using var response = await Get(client);
        using var body = JsonDocument.Parse(await response.Content.ReadAsByteArrayAsync());

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(60), response.Headers.RetryAfter?.Delta);
        Assert.StartsWith("You have exceeded a secondary rate limit.", body.RootElement.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal("5000", Header(response, "X-RateLimit-Remaining"));
    }

    [Fact]
    public async Task Secondary_rate_limit_without_Retry_After_sets_remaining_zero_and_the_reset()
    {
        var clock = new FakeTimeProvider(FakeGitHubData.DefaultNow);
        await using var fake = await FakeGitHub.StartAsync(FiveIssues(), new FakeGitHubOptions { Clock = clock });
        using var client = Client(fake);
        fake.Faults.Add(Route, FakeFault.SecondaryRateLimitWithoutRetryAfter(90));

        using var response = await Get(client);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Null(response.Headers.RetryAfter);
        // 2026-11-20T12:00:00Z = 1795176000; + 90 s.
        Assert.Equal(("0", "1795176090"), (Header(response, "X-RateLimit-Remaining"), Header(response, "X-RateLimit-Reset")));
    }

    [Fact]
    public async Task Service_unavailable_is_503_with_an_optional_Retry_After()
    {
        await using var fake = await FakeGitHub.StartAsync(FiveIssues());
        using var client = Client(fake);
        fake.Faults.Add("*", FakeFault.ServiceUnavailable(3));
        fake.Faults.Add("*", FakeFault.ServiceUnavailable());

        using var first = await Get(client);
        using var second = await Get(client);

        Assert.Equal((HttpStatusCode.ServiceUnavailable, HttpStatusCode.ServiceUnavailable), (first.StatusCode, second.StatusCode));
        Assert.Equal(TimeSpan.FromSeconds(3), first.Headers.RetryAfter?.Delta);
        Assert.Null(second.Headers.RetryAfter);
    }

    [Fact]
    public async Task Ok_with_Retry_After_keeps_the_normal_body()
    {
        await using var fake = await FakeGitHub.StartAsync(FiveIssues());
        using var client = Client(fake);
        fake.Faults.Add(Route, FakeFault.OkWithRetryAfter(5));

        using var response = await Get(client);
        using var page = JsonDocument.Parse(await response.Content.ReadAsByteArrayAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(5), response.Headers.RetryAfter?.Delta);
        Assert.Equal([5, 3, 1], Numbers(page));
    }

    [Fact]
    public async Task Slow_answers_after_the_delay()
    {
        await using var fake = await FakeGitHub.StartAsync(FiveIssues());
        using var client = Client(fake);
        fake.Faults.Add(Route, FakeFault.Slow(TimeSpan.FromMilliseconds(300)));

        var watch = Stopwatch.StartNew();
        using var response = await Get(client);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(watch.Elapsed >= TimeSpan.FromMilliseconds(290), $"answered after {watch.Elapsed}");
    }

    [Fact]
    public async Task Dropped_connection_surfaces_as_HttpRequestException()
    {
        await using var fake = await FakeGitHub.StartAsync(FiveIssues());
        using var client = Client(fake);
        fake.Faults.Add(Route, FakeFault.DropConnection());

        await Assert.ThrowsAsync<HttpRequestException>(() => Get(client));

        var entry = Assert.Single(fake.Requests.All);
        Assert.Equal((0, FakeFaultKind.DropConnection), (entry.Status, entry.Fault));
        using var after = await Get(client);
        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
    }

    [Fact]
    public async Task Truncated_body_fails_while_reading_and_never_parses_as_JSON()
    {
        await using var fake = await FakeGitHub.StartAsync(FiveIssues());
        using var client = Client(fake);
        fake.Faults.Add(Route, FakeFault.TruncatedBody());

        using var response = await client.GetAsync(new Uri(Issues, UriKind.Relative), HttpCompletionOption.ResponseHeadersRead);
        var full = response.Content.Headers.ContentLength!.Value;
        var received = new MemoryStream();
        var failure = await Record.ExceptionAsync(async () => await (await response.Content.ReadAsStreamAsync()).CopyToAsync(received));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.IsAssignableFrom<IOException>(failure);
        Assert.Equal(full / 2, received.Length);
        Assert.ThrowsAny<JsonException>(() => JsonDocument.Parse(received.ToArray()));
    }

    [Fact]
    public async Task Random_faults_follow_their_seed_and_only_match_their_route()
    {
        await using var fake = await FakeGitHub.StartAsync(FiveIssues());
        using var client = Client(fake);
        fake.Faults.AddRandom(Route, FakeFault.ServiceUnavailable(), probability: 0.5, seed: 42);
        var expected = new Random(42);
        var draws = Enumerable.Range(0, 8).Select(_ => expected.NextDouble() < 0.5).ToList();

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 8; i++)
        {
            using var response = await Get(client);
            statuses.Add(response.StatusCode);
        }

        using var repo = await client.GetAsync(new Uri("repos/acme/web", UriKind.Relative));

        Assert.Equal(draws.Select(fault => fault ? HttpStatusCode.ServiceUnavailable : HttpStatusCode.OK), statuses);
        Assert.Equal(HttpStatusCode.OK, repo.StatusCode);
    }

    private static Task<HttpResponseMessage> Get(HttpClient client) => client.GetAsync(new Uri(Issues, UriKind.Relative));

    private static string Header(HttpResponseMessage response, string name) => string.Join(",", response.Headers.GetValues(name));
}
