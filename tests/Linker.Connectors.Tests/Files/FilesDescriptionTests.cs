using OkrLinker.Connectors.Files;
using OkrLinker.Connectors.Tests.Support;
using OkrLinker.Core.Configuration;
using OkrLinker.Core.Sources;

namespace OkrLinker.Connectors.Tests.Files;

/// <summary>Saved Jira and Azure DevOps pages carry their descriptions into <c>Body</c> the way the live sources do.</summary>
public sealed class FilesDescriptionTests : IDisposable
{
    private readonly TempFolder temp = new();

    public void Dispose() => temp.Dispose();

    private async Task<List<string?>> BodiesAsync(string folder, FilesFormat format)
    {
        var source = new FilesSource(
            new SourceOptions { Name = "export", Kind = "files", Format = folder, Path = folder }, Path.Combine(temp.Path, folder), format, Sources.Teams());
        var scope = Assert.Single(await source.GetScopesAsync(CancellationToken.None));
        var bodies = new List<string?>();
        await foreach (var page in source.ReadAsync(scope, null, CancellationToken.None))
        {
            bodies.AddRange(page.Items.Select(i => i.Body));
        }

        return bodies;
    }

    [Fact]
    public async Task A_jira_export_reads_string_and_adf_descriptions()
    {
        temp.Copy("jira/v3-search-jql.json", "jira/01-search.json");
        temp.Write("jira/02-search.json", """
            { "isLast": true, "issues": [
              { "id": "20001", "key": "PAY-2", "fields": { "summary": "Cache totals", "description": { "type": "doc", "version": 1, "content": [
                { "type": "paragraph", "content": [ { "type": "text", "text": "Implements " }, { "type": "text", "text": "AB#4711", "marks": [ { "type": "code" } ] } ] } ] } } },
              { "id": "20002", "key": "PAY-3", "fields": { "summary": "No description", "description": null } } ] }
            """);

        Assert.Equal(["Main order flow broken", "Implements AB#4711", null], await BodiesAsync("jira", FilesFormat.Jira));
    }

    [Fact]
    public async Task An_azure_devops_export_reads_html_descriptions()
    {
        temp.Copy("azure-devops/workitems-list-ids.json", "ado/01-page.json");
        temp.Write("ado/02-page.json", """
            { "count": 1, "value": [ { "id": 4711, "rev": 3, "fields": { "System.Title": "App retries",
              "System.Description": "<div>Mirrors&nbsp;<b>PAY-12</b>.</div><div>Same backoff.</div>" } } ] }
            """);

        Assert.Equal(
            [
                "Our authorization logic needs to allow for users with Microsoft accounts (formerly Live Ids) - http://msdn.microsoft.com/en-us/library/live/hh826547.aspx",
                "Follow the code samples from MSDN",
                "We need to ensure we have coverage to prevent regressions",
                "Mirrors PAY-12.\nSame backoff.",
            ],
            await BodiesAsync("ado", FilesFormat.AzureDevOps));
    }
}
