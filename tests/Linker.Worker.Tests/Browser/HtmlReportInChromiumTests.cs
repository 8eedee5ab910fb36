using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using OkrLinker.Core;
using OkrLinker.Core.Reports;

namespace OkrLinker.Worker.Tests.Browser;

/// <summary>
/// The HTML report opened in a real headless Chromium: it must load without errors or requests of
/// its own, run no script, draw both charts, and show hostile tracker text as text.
/// </summary>
[Collection(RunsAlone.Name)]
public sealed class HtmlReportInChromiumTests : IDisposable
{
    private const string ShownCopy = "/tmp/okrlinker-report.png";

    private readonly string folder = Directory.CreateTempSubdirectory("okrlinker-html-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Fact]
    public async Task The_report_loads_cleanly_draws_its_charts_and_shows_hostile_text_as_text()
    {
        var file = await WriteReportAsync();

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await HeadlessChromium.LaunchAsync(playwright);
        var page = await browser.NewPageAsync(new() { ViewportSize = new() { Width = 1200, Height = 900 } });
        var problems = new List<string>();
        var requests = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                problems.Add("console: " + message.Text);
            }
        };
        page.PageError += (_, error) => problems.Add("page error: " + error);
        page.Dialog += (_, dialog) => problems.Add("dialog: " + dialog.Message);
        page.Request += (_, request) => requests.Add(request.Url);

        var address = new Uri(file).AbsoluteUri;
        await page.GotoAsync(address, new() { WaitUntil = WaitUntilState.Load });

        Assert.Empty(problems);
        Assert.Equal([address], requests);
        Assert.Equal(0, await page.EvaluateAsync<int>("document.querySelectorAll('script').length"));
        Assert.Equal("OKR line-of-sight — 2026-W47", await page.TitleAsync());

        foreach (var id in new[] { "#trend-chart", "#team-bars" })
        {
            var chart = page.Locator(id);
            Assert.True(await chart.IsVisibleAsync(), $"{id} is not visible");
            var box = await chart.BoundingBoxAsync();
            Assert.True(box is { Width: > 0, Height: > 0 }, $"{id} has no size: {box?.Width}×{box?.Height}");
        }

        // The title reaches the page as the characters a person typed, in one table cell.
        var cell = page.Locator("td", new() { HasTextString = BrowserReportSample.HostileTitle });
        Assert.Equal(1, await cell.CountAsync());
        Assert.Equal(BrowserReportSample.HostileTitle, await cell.InnerTextAsync());
        Assert.Equal(8, await page.Locator("#trend-chart circle").CountAsync());
        Assert.Equal(4, await page.Locator("#team-bars rect.bar").CountAsync());
        Assert.Equal(0, await page.Locator("a[href^='javascript']").CountAsync());

        var png = Path.Combine(AppContext.BaseDirectory, "browser", "okrlinker-report.png");
        Directory.CreateDirectory(Path.GetDirectoryName(png)!);
        await page.ScreenshotAsync(new() { Path = png, FullPage = true });
        File.Copy(file, Path.ChangeExtension(png, ".html"), overwrite: true); // kept beside the picture for a look by hand
        File.Copy(png, ShownCopy, overwrite: true);
        Assert.True(new FileInfo(png).Length > 10 * 1024, $"the screenshot {png} is only {new FileInfo(png).Length} bytes");
        Assert.Empty(problems);
    }

    // Through the worker's own wiring: the renderer the container holds for "html", written by ReportWriter.
    private async Task<string> WriteReportAsync()
    {
        var services = new ServiceCollection().AddLinkerCore(new ConfigurationBuilder().Build(), folder);
        await using var provider = services.BuildServiceProvider();
        var written = await provider.GetRequiredService<ReportWriter>()
            .WriteAsync(BrowserReportSample.Report(), ["html"], folder, CancellationToken.None);
        return Assert.Single(written);
    }
}
