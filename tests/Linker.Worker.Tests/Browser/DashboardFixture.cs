using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using OkrLinker.Core.Figures;
using OkrLinker.Core.Okrs;
using OkrLinker.Core.Reports;
using OkrLinker.Core.Store;
using OkrLinker.Worker.Tests.Web;

namespace OkrLinker.Worker.Tests.Browser;

/// <summary>
/// One worker (the web host on Kestrel at a free loopback port, a SQLite store in a temp folder, the API key set) holding
/// <see cref="DashboardSample"/> synced and the report of 2026-W47 built, and one headless Debian Chromium, shared by the
/// dashboard's browser tests.
/// </summary>
public sealed class DashboardFixture : IAsyncLifetime
{
    private IPlaywright? playwright;

    public WebHarness Web { get; private set; } = null!;

    public IBrowser Browser { get; private set; } = null!;

    /// <summary>The report JSON of the week as the API serves it: what every figure on the pages must equal.</summary>
    public WeeklyReport Report { get; private set; } = null!;

    public string Base => Web.Address!.ToString().TrimEnd('/');

    /// <summary>Screenshots go under the test output folder, beside the HTML report's.</summary>
    public static string ShotFolder { get; } = Path.Combine(AppContext.BaseDirectory, "browser", "dashboard");

    public async Task InitializeAsync()
    {
        Assert.True(File.Exists(HeadlessChromium.ExecutablePath), $"{HeadlessChromium.ExecutablePath} is missing: run `apt-get install chromium` (the dashboard is checked in a real browser).");
        Web = await WebHarness.StartAsync(DashboardSample.Config(), DashboardSample.Settings(), listen: true);
        await Web.SyncAsync("jira");
        await Web.SyncAsync("gh");
        await StoreSamplesAsync();
        var okrs = Web.Services.GetRequiredService<OkrSetSource>().Load();
        await Web.Services.GetRequiredService<ReportBuilder>().BuildAsync(okrs, IsoWeek.Parse(DashboardSample.Week), CancellationToken.None);

        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/report/" + DashboardSample.Week);
        request.Headers.Add("X-Api-Key", DashboardSample.ApiKey);
        using var response = await Web.Client.SendAsync(request);
        response.EnsureSuccessStatusCode();
        Report = ReportJson.Read(await response.Content.ReadAsStringAsync());

        playwright = await Playwright.CreateAsync();
        Browser = await HeadlessChromium.LaunchAsync(playwright);
        Directory.CreateDirectory(ShotFolder);
    }

    /// <summary>A browser context signed in through the login form, at <paramref name="width"/> CSS pixels.</summary>
    /// <param name="bypassCsp">True lets the test inject axe-core, and shows that escaping, not the policy, keeps hostile text inert.</param>
    public async Task<IBrowserContext> SignedInAsync(int width = 1366, bool bypassCsp = false)
    {
        var context = await Browser.NewContextAsync(new() { ViewportSize = new() { Width = width, Height = 900 }, BypassCSP = bypassCsp });
        var page = await context.NewPageAsync();
        var first = await page.GotoAsync(Base + "/");
        Assert.Equal(401, first!.Status);
        await page.FillAsync("#key", DashboardSample.ApiKey);
        var signedIn = await page.NavigateAsync(() => page.ClickAsync("form[action='/login'] button"));
        Assert.Equal(200, signedIn.Status);
        await page.CloseAsync();
        return context;
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        playwright?.Dispose();
        await Web.DisposeAsync();
    }

    // O1-KR1's metric: three samples of the period before the week's end → current 41, progress (41 − 35) / 15 = 40 %.
    private async Task StoreSamplesAsync()
    {
        var factory = Web.Services.GetRequiredService<IDbContextFactory<LinkerDbContext>>();
        await using var db = await factory.CreateDbContextAsync();
        foreach (var (at, value) in new[] { (new DateTimeOffset(2026, 10, 5, 6, 0, 0, TimeSpan.Zero), 36.0), (new DateTimeOffset(2026, 11, 2, 6, 0, 0, TimeSpan.Zero), 39.0), (new DateTimeOffset(2026, 11, 18, 6, 0, 0, TimeSpan.Zero), 41.0) })
        {
            db.MetricSamples.Add(new MetricSampleRow { KrId = "O1-KR1", At = at, Value = value, Provider = "tracker", Query = "count", PulledAt = at });
        }

        await db.SaveChangesAsync();
    }
}
