using OkrLinker.Connectors.Http;
using OkrLinker.Connectors.Tests.Http.Support;
using OkrLinker.Connectors.Tests.Support;
using OkrLinker.Core.Sources;

namespace OkrLinker.Connectors.Tests.Jira;

/// <summary>Every Jira error body of <c>../shared/conformance/jira/</c> becomes a message a Jira admin can act on.</summary>
public sealed class JiraErrorMessageTests
{
    [Theory]
    [InlineData("jira/v3-error-401-not-logged-in.json", 401, "Source 'jira': Jira answered 401 Unauthorized (User is not logged in.) — check the token in JIRA_TOKEN.")]
    [InlineData("jira/v3-error-403-forbidden.json", 403, "Source 'jira': Jira answered 403 Forbidden (Archiving issues is only available for premium editions of Jira.) — the token in JIRA_TOKEN lacks access or scope.")]
    [InlineData("jira/v3-error-404-not-found.json", 404, "Source 'jira': project PAY was not found or is not visible to the token in JIRA_TOKEN (Jira: The context was not found.).")]
    [InlineData("jira/v2-error-404-gojira.json", 404, "Source 'jira': project PAY was not found or is not visible to the token in JIRA_TOKEN (Jira: Role with given id not found.).")]
    public async Task A_refusal_names_the_source_the_token_variable_and_Jiras_own_words(string file, int status, string message)
    {
        var error = await Assert.ThrowsAsync<SourceException>(() => SendAsync(file, status));

        Assert.Equal(message, error.Message);
    }

    [Theory]
    [InlineData("jira/v3-error-400-field-errors.json", "Jira answered 400 Bad Request for project PAY: title: 'title' is required.")]
    [InlineData("jira/v3-error-400-create-issue.json", "Jira answered 400 Bad Request for project PAY: Field 'priority' is required")]
    public async Task A_bad_request_carries_Jiras_error_messages_and_field_errors(string file, string message)
    {
        var error = await Assert.ThrowsAsync<HttpRequestException>(() => SendAsync(file, 400));

        Assert.Equal(message, error.Message);
    }

    private static async Task SendAsync(string file, int status)
    {
        await using var server = await ScriptedHttpServer.StartAsync(Respond.With(status, File.ReadAllText(Conformance.PathOf(file))));
        using var source = TestSource.Create(server, vendor: SourceVendor.Jira);
        using var client = new SourceClient(source.Client, TestSource.Settings(SourceVendor.Jira, server.BaseAddress));
        using var response = await client.SendAsync(new HttpRequestMessage(HttpMethod.Post, "rest/api/3/search/jql"), "project PAY", CancellationToken.None);
    }
}
