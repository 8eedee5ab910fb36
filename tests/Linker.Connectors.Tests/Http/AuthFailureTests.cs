using OkrLinker.Connectors.Http;
using OkrLinker.Connectors.Tests.Http.Support;
using OkrLinker.Core.Sources;

namespace OkrLinker.Connectors.Tests.Http;

public sealed class AuthFailureTests
{
    [Fact]
    public async Task Unauthorized_fails_at_once_naming_the_source_and_the_token_variable()
    {
        await using var server = await ScriptedHttpServer.StartAsync(
            Respond.With(401, "{\"message\":\"Bad credentials\",\"documentation_url\":\"https://docs.github.com/rest\",\"status\":\"401\"}"),
            Respond.Ok("never reached"));
        using var source = TestSource.Create(server);

        var error = await Assert.ThrowsAsync<SourceException>(() => source.Client.GetAsync(new Uri("user", UriKind.Relative)));

        Assert.Equal("Source 'gh': GitHub answered 401 Unauthorized (Bad credentials) — check the token in GITHUB_TOKEN.", error.Message);
        Assert.Equal("gh", error.Source);
        Assert.Equal(1, server.RequestCount);
        Assert.Equal(1, source.Counters.AuthFailures);
        Assert.Equal(0, source.Counters.Retries);
    }

    [Fact]
    public async Task Forbidden_that_is_not_a_rate_limit_fails_at_once()
    {
        await using var server = await ScriptedHttpServer.StartAsync(
            Respond.With(403, "{\"message\":\"Resource not accessible by integration\"}", ("X-RateLimit-Remaining", "4999")),
            Respond.Ok("never reached"));
        using var source = TestSource.Create(server);

        var error = await Assert.ThrowsAsync<SourceException>(() => source.Client.GetAsync(new Uri("repos/o/r/issues", UriKind.Relative)));

        Assert.Equal(
            "Source 'gh': GitHub answered 403 Forbidden (Resource not accessible by integration) — the token in GITHUB_TOKEN lacks access or scope.",
            error.Message);
        Assert.Equal(1, server.RequestCount);
        Assert.Equal(1, source.Counters.AuthFailures);
        Assert.Equal(0, source.Counters.RateLimitWaits);
    }

    [Fact]
    public async Task Jira_unauthorized_quotes_its_first_error_message()
    {
        await using var server = await ScriptedHttpServer.StartAsync(
            Respond.With(401, "{\"errorMessages\":[\"Client must be authenticated to access this resource.\"],\"errors\":{}}"));
        using var source = TestSource.Create(server, vendor: SourceVendor.Jira);

        var error = await Assert.ThrowsAsync<SourceException>(() => source.Client.GetAsync(new Uri("rest/api/3/myself", UriKind.Relative)));

        Assert.Equal(
            "Source 'jira': Jira answered 401 Unauthorized (Client must be authenticated to access this resource.) — check the token in JIRA_TOKEN.",
            error.Message);
    }

    [Fact]
    public async Task Azure_DevOps_sign_in_page_is_an_auth_failure()
    {
        // A bad PAT gets 203 and an HTML sign-in page instead of JSON.
        await using var server = await ScriptedHttpServer.StartAsync(Respond.With(203, "<html><body>Sign in</body></html>"));
        using var source = TestSource.Create(server, vendor: SourceVendor.AzureDevOps);

        var error = await Assert.ThrowsAsync<SourceException>(() => source.Client.GetAsync(new Uri("_apis/projects", UriKind.Relative)));

        Assert.Equal(
            "Source 'ado': Azure DevOps answered 203 Non-Authoritative Information (a sign-in page) — check the token in AZURE_DEVOPS_PAT.",
            error.Message);
        Assert.Equal(1, server.RequestCount);
    }

    [Fact]
    public async Task Unauthorized_with_an_html_body_names_no_detail()
    {
        await using var server = await ScriptedHttpServer.StartAsync(Respond.With(401, "<html>nope</html>"));
        using var source = TestSource.Create(server, vendor: SourceVendor.AzureDevOps);

        var error = await Assert.ThrowsAsync<SourceException>(() => source.Client.GetAsync(new Uri("_apis/projects", UriKind.Relative)));

        Assert.Equal("Source 'ado': Azure DevOps answered 401 Unauthorized — check the token in AZURE_DEVOPS_PAT.", error.Message);
    }
}
