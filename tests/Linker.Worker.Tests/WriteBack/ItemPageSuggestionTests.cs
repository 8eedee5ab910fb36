using Microsoft.Extensions.DependencyInjection;
using OkrLinker.Core.Linking;
using OkrLinker.Core.Reports;
using OkrLinker.Core.Suggestions;
using OkrLinker.Worker.Web.Dashboard;
using OkrLinker.Worker.WriteBack;

namespace OkrLinker.Worker.Tests.WriteBack;

/// <summary>The item page shows the report's suggestions for the item, evidence escaped, with an approve form each.</summary>
public sealed class ItemPageSuggestionTests
{
    [Fact]
    public async Task Each_suggestion_shows_its_score_and_evidence_and_an_approve_form_for_its_kr()
    {
        await using var wb = await WriteBackHarness.StartAsync();
        var store = wb.Web.Services.GetRequiredService<DashboardStore>();
        var report = (await store.ReportAsync(WriteBackHarness.Week, CancellationToken.None))!;
        var suggestions = new List<KrSuggestion>
        {
            new("O1-KR2", 0.82, ["2 of 2 items by octo-dev in acme/web serve O1-KR2", "title shares \"<signup>\" with 3 items of O1-KR2"]),
            new("O1-KR1", 0.4, ["1 of 3 siblings serve O1-KR1"]),
        };
        // acme/web#2 is to do, so not in the week's report: the page shows what the report would carry for it.
        var linked = Assert.Single(await wb.Web.Services.GetRequiredService<ItemExplainer>().FindAsync("acme/web#2", "gh", CancellationToken.None));
        var inReport = new UnlinkedItem("gh", "acme/web#2", linked.Item.Title, linked.Item.Url, linked.Item.Team, linked.Item.Type, linked.Item.State, null, null, suggestions);
        var view = new DashboardView(report, null, [WriteBackHarness.Week], SignedIn: true);

        var html = ItemPage.Render(view, new ItemPage.Parts(linked, inReport, [], new WriteBackState(true, "Write-back is on."), "__RequestVerificationToken", "t0k"));

        Assert.Contains(
            "<tr><td><a href=\"/kr/O1-KR2\">O1-KR2</a></td><td class=\"num\">0.82</td><td><ul><li>2 of 2 items by octo-dev in acme/web serve O1-KR2</li>"
            + "<li>title shares &quot;&lt;signup&gt;&quot; with 3 items of O1-KR2</li></ul></td><td><form method=\"post\" action=\"/item/gh/acme%2Fweb%232\">"
            + "<input type=\"hidden\" name=\"__RequestVerificationToken\" value=\"t0k\"><input type=\"hidden\" name=\"kr\" value=\"O1-KR2\"><button type=\"submit\">Approve O1-KR2</button></form></td></tr>",
            html,
            StringComparison.Ordinal);
        Assert.Contains("<td class=\"num\">0.4</td><td><ul><li>1 of 3 siblings serve O1-KR1</li></ul></td>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("no-suggestions", html, StringComparison.Ordinal);
    }
}
