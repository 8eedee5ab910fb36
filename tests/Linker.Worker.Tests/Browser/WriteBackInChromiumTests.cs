using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using OkrLinker.Core.Store;
using OkrLinker.Fakes;
using OkrLinker.Worker.Scheduling;
using OkrLinker.Worker.Tests.Support;

namespace OkrLinker.Worker.Tests.Browser;

/// <summary>
/// Write-back end to end in headless Chromium against the whole worker (Quartz, the sync job per scope, the refresh job)
/// on the fake GitHub: a PM signs in, approves a KR on the item page, the label appears on the fake, and once the
/// triggered sync and refresh have run the item page and the report show the item linked.
/// </summary>
[Collection(RunsAlone.Name)]
public sealed class WriteBackInChromiumTests
{
    private const string ApiKey = "wb-browser-s3cret";

    [Fact]
    public async Task Approve_puts_the_label_on_the_fake_GitHub_and_the_item_is_linked_on_a_later_page_load()
    {
        Assert.True(File.Exists(HeadlessChromium.ExecutablePath), $"{HeadlessChromium.ExecutablePath} is missing: run `apt-get install chromium`.");
        var data = new FakeGitHubData("acme");
        data.AddRepo("web");
        data.Add("web", "Checkout button copy", shape: i => i with { Assignees = ["octo-dev"] });
        data.Add("web", "Onboarding tour", shape: i => i with { Assignees = ["octo-dev"], Labels = ["kr:O1-KR2"] });
        await using var gitHub = await FakeGitHub.StartAsync(data);
        var readVariable = "WB_BROWSER_READ_" + Guid.NewGuid().ToString("N");
        var writeVariable = "WB_BROWSER_WRITE_" + Guid.NewGuid().ToString("N");
        Environment.SetEnvironmentVariable(readVariable, gitHub.Token);
        Environment.SetEnvironmentVariable(writeVariable, gitHub.Token);
        using var config = new TempConfig().WithOkrs(TempConfig.GoodOkrs).WithConfig(JsonSerializer.Serialize(new
        {
            Okrs = new { Path = "okrs.yaml" },
            Store = new { Provider = "Sqlite", ConnectionString = "Data Source=../data/okrlinker.db" },
            Sources = new[]
            {
                new { Name = "gh", Kind = "github", BaseUrl = gitHub.BaseUrl.ToString(), Owner = "acme", Repos = new[] { "web" }, Auth = new { TokenEnv = readVariable, WriteTokenEnv = writeVariable } },
            },
            Report = new { Week = "2026-W47", Output = "../out" },
            Web = new { Urls = "http://127.0.0.1:0", ApiKey },
        }));
        var app = WorkerHost.Build(config.ConfigPath);
        await app.Services.GetRequiredService<StoreInitializer>().MigrateAsync(CancellationToken.None);
        await app.StartAsync();
        try
        {
            var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/');
            using var api = new HttpClient { BaseAddress = new Uri(address) };
            api.DefaultRequestHeaders.Add("X-Api-Key", ApiKey);
            // The first sync at start, then its refresh: the report of the week lists #1 as unlinked.
            Assert.True(await EventuallyAsync(async () => (await UnlinkedKeysAsync(api)) is { } keys && keys.Contains("acme/web#1")), "the first report never listed acme/web#1 as unlinked");

            using var playwright = await Playwright.CreateAsync();
            await using var browser = await HeadlessChromium.LaunchAsync(playwright);
            await using var context = await browser.NewContextAsync();
            var page = await context.NewPageAsync();
            var itemPath = "/item/gh/" + Uri.EscapeDataString("acme/web#1");
            var first = await page.GotoAsync(address + itemPath);
            Assert.Equal(401, first!.Status);
            await page.FillAsync("#key", ApiKey);
            var signedIn = await page.NavigateAsync(() => page.ClickAsync("form[action='/login'] button"));
            Assert.Equal(200, signedIn.Status);
            Assert.Equal(address + itemPath, page.Url);
            Assert.Equal("Unlinked", await page.GetAttributeAsync("#link-state", "data-how"));
            Assert.Empty(data.Find("web", 1)!.Labels);

            await page.SelectOptionAsync("#kr-pick", "O1-KR1");
            var approved = await page.NavigateAsync(() => page.ClickAsync("#approve-other button"));

            Assert.Equal(200, approved.Status);
            Assert.Equal(address + itemPath, page.Url);
            Assert.Equal(["kr:O1-KR1"], data.Find("web", 1)!.Labels);
            Assert.Single(gitHub.Requests.Matching("POST /repos/acme/web/issues/1/labels"));
            Assert.Equal("written", await page.GetAttributeAsync("#writes tbody tr", "data-result"));
            Assert.Equal("dashboard login", await page.TextContentAsync("#writes tbody tr td:nth-child(2)"));

            // The triggered sync (and the refresh after it) run on the scheduler; each later load shows what the store says.
            var linked = await EventuallyAsync(async () =>
            {
                await page.ReloadAsync();
                return await page.GetAttributeAsync("#link-state", "data-how") == "Explicit";
            });
            Assert.True(linked, "acme/web#1 never showed as linked after the approval");
            Assert.Equal("linked (explicit) O1-KR1", (await page.TextContentAsync("#link-state"))!.Trim());
            Assert.Equal(0, await page.Locator("#sync-pending").CountAsync());
            Assert.True(await EventuallyAsync(async () => (await UnlinkedKeysAsync(api)) is { } keys && !keys.Contains("acme/web#1")), "the refreshed report still lists acme/web#1 as unlinked");
            var record = Assert.Single(await RecordsAsync(app));
            Assert.True(record.SyncTriggered);
        }
        finally
        {
            await app.StopAsync();
            await app.DisposeAsync();
            Environment.SetEnvironmentVariable(readVariable, null);
            Environment.SetEnvironmentVariable(writeVariable, null);
        }
    }

    private static async Task<List<string>?> UnlinkedKeysAsync(HttpClient api)
    {
        using var response = await api.GetAsync(new Uri("/api/report/latest", UriKind.Relative));
        if (!response.IsSuccessStatusCode)
        {
            return null;
        }

        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return [.. json.RootElement.GetProperty("unlinkedItems").EnumerateArray().Select(i => i.GetProperty("key").GetString()!)];
    }

    private static async Task<List<WriteRecordRow>> RecordsAsync(WebApplication app)
    {
        var factory = app.Services.GetRequiredService<Microsoft.EntityFrameworkCore.IDbContextFactory<LinkerDbContext>>();
        await using var db = await factory.CreateDbContextAsync();
        return [.. db.WriteRecords];
    }

    // Polls a condition the worker's scheduler makes true in its own time; gives up after a minute.
    private static async Task<bool> EventuallyAsync(Func<Task<bool>> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            if (await condition())
            {
                return true;
            }

            await Task.Delay(250);
        }

        return false;
    }
}
