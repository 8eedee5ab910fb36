using OkrLinker.Connectors.Http;
using OkrLinker.Connectors.Tests.Http.Support;
using OkrLinker.Core.Sources;
using OkrLinker.Fakes.Logging;

namespace OkrLinker.Connectors.Tests.Http;

public sealed class SecretHandlingTests
{
    [Fact]
    public async Task The_token_never_appears_in_logs_or_errors()
    {
        await using var server = await ScriptedHttpServer.StartAsync(
            Respond.With(503), Respond.Ok("[]", ("Retry-After", "0")), Respond.With(401, "{\"message\":\"Bad credentials\"}"));
        using var source = TestSource.Create(server);
        var path = new Uri($"repos/o/r/issues?access_token={TestSource.Token}&page=2&token={TestSource.Token}", UriKind.Relative);

        using var ok = await source.Client.GetAsync(path);
        var error = await Assert.ThrowsAsync<SourceException>(() => source.Client.GetAsync(path));

        // The token was sent, yet logged nowhere: the 503 retry, the 401 and the query string are all logged.
        Assert.Equal("Bearer " + TestSource.Token, server.Requests[0].Authorization);
        Assert.Contains(source.Logs.Lines(), l => l.Contains("GET /repos/o/r/issues?page=2", StringComparison.Ordinal) && l.Contains("retry 1 of 5", StringComparison.Ordinal));
        Assert.Contains(source.Logs.Lines(), l => l.Contains("answered 401", StringComparison.Ordinal));
        Assert.DoesNotContain(source.Logs.Lines(), l => l.Contains(TestSource.Token, StringComparison.Ordinal));
        Assert.DoesNotContain(TestSource.Token, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Settings_print_without_the_credential()
    {
        var settings = TestSource.Settings(SourceVendor.GitHub, new Uri("https://api.github.com/"));

        Assert.Equal(
            "SourceHttpSettings { SourceName = gh, Vendor = GitHub, BaseAddress = https://api.github.com/, TokenVariable = GITHUB_TOKEN, "
            + "Authorization = Bearer ***, UserAgent = OkrLinker }",
            settings.ToString());
    }

    [Theory]
    [InlineData("https://h/a/b?access_token=x&page=2", "GET /a/b?page=2")]
    [InlineData("https://h/a/b?TOKEN=x", "GET /a/b")]
    [InlineData("https://u:p@h/search/jql?jql=project%3DPAY&nextPageToken=abc", "GET /search/jql?jql=project%3DPAY&nextPageToken=abc")]
    public void Logged_targets_drop_secret_query_parameters(string uri, string expected)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, uri);

        Assert.Equal(expected, SafeRequestTarget.Describe(request));
    }
}
