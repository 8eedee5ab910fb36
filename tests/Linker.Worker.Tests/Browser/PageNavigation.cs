using Microsoft.Playwright;

namespace OkrLinker.Worker.Tests.Browser;

/// <summary>Runs what makes the page navigate (a click, a form) and answers the final response after any redirects, once loaded.</summary>
public static class PageNavigation
{
    public static async Task<IResponse> NavigateAsync(this IPage page, Func<Task> action)
    {
        var landed = page.WaitForResponseAsync(r => r.Request.IsNavigationRequest && r.Frame == page.MainFrame && (r.Status < 300 || r.Status >= 400));
        await action();
        var response = await landed;
        await page.WaitForLoadStateAsync(LoadState.Load);
        return response;
    }
}
