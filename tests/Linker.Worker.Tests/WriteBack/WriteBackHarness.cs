using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OkrLinker.Connectors.AzureDevOps;
using OkrLinker.Connectors.GitHub;
using OkrLinker.Connectors.Jira;
using OkrLinker.Core.Figures;
using OkrLinker.Core.Okrs;
using OkrLinker.Core.Reports;
using OkrLinker.Core.Store;
using OkrLinker.Fakes;
using OkrLinker.Fakes.Jira;
using OkrLinker.Worker.Tests.Support;
using OkrLinker.Worker.Tests.Web;

namespace OkrLinker.Worker.Tests.WriteBack;

/// <summary>
/// The web endpoints with three live sources, each on its fake tracker and each with a read token and a write token
/// (the fakes' one token, under two variables): <c>gh</c> (repo acme/web: issues #1 and #2, no labels), <c>jira</c>
/// (Cloud, project PAY) and <c>ado</c> (project Shop), plus <c>files</c> <c>csv</c> without a write token. All synced
/// and the report of 2026-W47 built, the API key <see cref="ApiKey"/> set.
/// </summary>
public sealed class WriteBackHarness : IAsyncDisposable
{
    public const string ApiKey = "wb-s3cret";
    public const string Week = "2026-W47";

    private readonly List<string> variables;
    private readonly TempConfig config;
    private readonly WebSettings settings;

    private WriteBackHarness(WebHarness web, FakeGitHub gitHub, FakeJira jira, FakeAzureDevOps ado, List<string> variables, TempConfig config, WebSettings settings)
    {
        this.config = config;
        this.settings = settings;
        Web = web;
        GitHub = gitHub;
        Jira = jira;
        Ado = ado;
        this.variables = variables;
    }

    public WebHarness Web { get; }

    public FakeGitHub GitHub { get; }

    public FakeJira Jira { get; }

    public FakeAzureDevOps Ado { get; }

    /// <summary>The environment variable <c>ado</c>'s <c>Auth.WriteTokenEnv</c> names.</summary>
    public required string AdoWriteTokenVariable { get; init; }

    /// <param name="gitHubWrites">False leaves <c>gh</c> without <c>Auth.WriteTokenEnv</c>: write-back off for it.</param>
    /// <param name="jiraFlavor">The Jira site: Cloud (e-mail and API token) or Data Center (a Bearer personal access token).</param>
    /// <param name="adoMaxApiVersion">The newest api-version the fake Azure DevOps serves: "7.0" is Azure DevOps Server 2022.</param>
    public static async Task<WriteBackHarness> StartAsync(
        bool listen = false, bool gitHubWrites = true, FakeJiraFlavor jiraFlavor = FakeJiraFlavor.Cloud, string adoMaxApiVersion = "7.1")
    {
        var gitHubData = new FakeGitHubData("acme");
        gitHubData.AddRepo("web");
        gitHubData.Add("web", "Checkout button copy");
        gitHubData.Add("web", "Faster signup form");
        var gitHub = await FakeGitHub.StartAsync(gitHubData);
        var jira = FakeJira.Start(FakeJiraData.Generate(16, ["PAY"], 6), new FakeJiraOptions { Flavor = jiraFlavor });
        var ado = FakeAzureDevOps.Start(FakeAzureDevOpsData.Generate(16, [new("Shop", 8, FakeAdoProcess.Agile)]), new FakeAzureDevOpsOptions { MaxApiVersion = adoMaxApiVersion });

        var variables = new List<string>();
        string? adoWriteVariable = null;
        string Variable(string value)
        {
            var name = "WB_TEST_" + Guid.NewGuid().ToString("N");
            Environment.SetEnvironmentVariable(name, value);
            variables.Add(name);
            return name;
        }

        var config = new TempConfig().WithOkrs(TempConfig.GoodOkrs).WithFile("samples/csv/items.csv", """
            key,title,type,state,category,team,labels,created,resolved,url
            CSV-1,Plain file item,Story,In Progress,InProgress,files,,2026-11-02T09:00:00Z,,https://files.example/CSV-1
            """);
        var settings = new WebSettings()
            .With("Sources:0:Name", "gh").With("Sources:0:Kind", "github").With("Sources:0:BaseUrl", gitHub.BaseUrl.ToString())
            .With("Sources:0:Owner", "acme").With("Sources:0:Repos:0", "web")
            .With("Sources:0:Auth:TokenEnv", Variable(gitHub.Token)).With("Sources:0:Auth:WriteTokenEnv", gitHubWrites ? Variable(gitHub.Token) : null)
            .With("Sources:1:Name", "jira").With("Sources:1:Kind", "jira").With("Sources:1:BaseUrl", jira.BaseUrl.ToString())
            .With("Sources:1:Projects:0", "PAY").With("Sources:1:Flavor", jiraFlavor.ToString()).With("Sources:1:Auth:Email", jiraFlavor == FakeJiraFlavor.Cloud ? jira.Email : null)
            .With("Sources:1:Auth:TokenEnv", Variable(jira.Token)).With("Sources:1:Auth:WriteTokenEnv", Variable(jira.Token))
            .With("Sources:2:Name", "ado").With("Sources:2:Kind", "azure-devops").With("Sources:2:BaseUrl", ado.BaseUrl.ToString().TrimEnd('/'))
            .With("Sources:2:Projects:0", "Shop")
            .With("Sources:2:Auth:TokenEnv", Variable(ado.Token)).With("Sources:2:Auth:WriteTokenEnv", adoWriteVariable = Variable(ado.Token))
            .With("Sources:3:Name", "csv").With("Sources:3:Kind", "files").With("Sources:3:Format", "csv").With("Sources:3:Path", "samples/csv")
            .With("Report:Week", Week)
            .WithApiKey(ApiKey);
        var web = await WebHarness.StartAsync(config, settings, listen: listen, services: AddTrackers);
        foreach (var source in new[] { "gh", "jira", "ado", "csv" })
        {
            var results = await web.SyncAsync(source);
            Assert.All(results, r => Assert.Null(r.FirstError));
        }

        var harness = new WriteBackHarness(web, gitHub, jira, ado, variables, config, settings) { AdoWriteTokenVariable = adoWriteVariable! };
        await harness.RebuildReportAsync();
        return harness;
    }

    /// <summary>
    /// Another worker process on the same config and store (a second node of a cluster, or this one after a restart):
    /// its own host, services and memory. The caller disposes it.
    /// </summary>
    public Task<WebHarness> StartAnotherNodeAsync() => WebHarness.StartAsync(config, settings, migrate: false, services: AddTrackers, ownsConfig: false);

    private static void AddTrackers(IServiceCollection services)
    {
        services.AddGitHubSource();
        services.AddJiraSource();
        services.AddAzureDevOpsSource();
    }

    /// <summary>Links every item and stores the week's report again (what the refresh job does).</summary>
    public Task RebuildReportAsync()
    {
        var okrs = Web.Services.GetRequiredService<OkrSetSource>().Load();
        return Web.Services.GetRequiredService<ReportBuilder>().BuildAsync(okrs, IsoWeek.Parse(Week), CancellationToken.None);
    }

    /// <summary>Every write record stored, oldest first.</summary>
    public async Task<List<WriteRecordRow>> RecordsAsync()
    {
        var factory = Web.Services.GetRequiredService<IDbContextFactory<LinkerDbContext>>();
        await using var db = await factory.CreateDbContextAsync();
        return [.. (await db.WriteRecords.AsNoTracking().ToListAsync()).OrderBy(r => r.Id)];
    }

    /// <summary>POSTs an approval with the API key in a header (no form token needed: no other site can send that header).</summary>
    public async Task<HttpResponseMessage> ApproveWithKeyAsync(string source, string key, string kr)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, ItemPath(source, key))
        {
            Content = new FormUrlEncodedContent([new("kr", kr)]),
        };
        request.Headers.Add("X-Api-Key", ApiKey);
        return await Web.Client.SendAsync(request);
    }

    /// <summary>GETs the item page with the API key.</summary>
    public async Task<(int Status, string Html)> PageAsync(string source, string key)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, ItemPath(source, key));
        request.Headers.Add("X-Api-Key", ApiKey);
        using var response = await Web.Client.SendAsync(request);
        return ((int)response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    public static string ItemPath(string source, string key) => "/item/" + Uri.EscapeDataString(source) + "/" + Uri.EscapeDataString(key);

    public async ValueTask DisposeAsync()
    {
        await Web.DisposeAsync();
        await GitHub.DisposeAsync();
        Jira.Dispose();
        await Ado.DisposeAsync();
        foreach (var variable in variables)
        {
            Environment.SetEnvironmentVariable(variable, null);
        }
    }
}
