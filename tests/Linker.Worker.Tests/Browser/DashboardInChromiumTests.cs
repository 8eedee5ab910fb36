using System.Globalization;
using System.Text.Json;
using Microsoft.Playwright;
using OkrLinker.Core.Reports;
using static OkrLinker.Core.Reports.HtmlText;

namespace OkrLinker.Worker.Tests.Browser;

/// <summary>
/// The dashboard in headless Chromium against a worker holding <see cref="DashboardSample"/>: every page's figures are the
/// report JSON's (and the hand-worked ones), the tree adds up, the unlinked list sorts and filters exactly, links lead
/// where they say, hostile text stays text, the key guards every page, no page logs an error or fails axe-core.
/// </summary>
[Collection(RunsAlone.Name)]
public sealed class DashboardInChromiumTests(DashboardFixture fixture) : IClassFixture<DashboardFixture>
{
    /// <summary>Every page, with the name its screenshots carry.</summary>
    public static readonly TheoryData<string, string> Pages = new()
    {
        { "home", "/" },
        { "tree", "/tree" },
        { "kr", "/kr/O1-KR1" },
        { "team", "/teams/payments" },
        { "unlinked", "/unlinked" },
    };

    private static readonly string[] EveryPage = ["/", "/tree", "/kr/O1-KR1", "/teams/payments", "/unlinked", "/unlinked.csv", "/?week=2026-W47"];

    private string Base => fixture.Base;

    private WeeklyReport Report => fixture.Report;

    [Fact]
    public async Task The_home_page_shows_the_report_figures_of_the_week()
    {
        await using var context = await fixture.SignedInAsync();
        var page = await OpenAsync(context, "/?week=2026-W47");
        var t = Report.Totals;

        // Worked by hand (DashboardSample) and equal to the JSON.
        Assert.Equal((11, 5, 2, 4, 0.3636), (t.Items, t.Linked, t.Bau, t.Unlinked, t.UnlinkedShare));
        Assert.Equal((24.0, 13.0, 0.5417), (t.Points.Total, t.Points.Unlinked, t.Points.UnlinkedShare));
        Assert.Equal(["36.4%", "54.2%"], await page.Locator(".hero-figure").AllInnerTextsAsync());
        Assert.Equal([Pct(t.UnlinkedShare), Pct(t.Points.UnlinkedShare)], await page.Locator(".hero-figure").AllInnerTextsAsync());
        Assert.Equal([$"{t.Items}", $"{t.Linked}", $"{t.Bau}", $"{t.Unlinked}"], await page.Locator(".stats dd").AllInnerTextsAsync());

        Assert.Equal(
            [
                .. Report.Teams.Select(x => new[] { x.Team, $"{x.Items}", $"{x.Linked}", $"{x.Bau}", $"{x.Unlinked}", Pct(x.UnlinkedShare), Num(x.Points.Total), x.Points.Total > 0 ? Pct(x.Points.UnlinkedShare) : "–" }),
                ["All teams", $"{t.Items}", $"{t.Linked}", $"{t.Bau}", $"{t.Unlinked}", Pct(t.UnlinkedShare), Num(t.Points.Total), Pct(t.Points.UnlinkedShare)],
            ],
            await CellsAsync(page, "section[aria-labelledby=teams-title]"));
        Assert.Equal(["growth", "payments", "web"], Report.Teams.Select(x => x.Team));
        Assert.Equal(Report.Teams.Count, await page.Locator("#team-bars rect.bar").CountAsync());

        var krs = Report.Objectives.SelectMany(o => o.KeyResults).ToList();
        var rows = await CellsAsync(page, "#key-results");
        Assert.Equal(krs.Select(k => k.Id), rows.Select(r => r[0].Split([' ', '\n'])[0]));
        Assert.Equal(krs.Select(k => $"{Value(k.Baseline, k.Unit)} → {Value(k.Current, k.Unit)} → {Value(k.Target, k.Unit)}"), rows.Select(r => r[1]));
        Assert.Equal(krs.Select(k => k.Progress is { } p ? Pct(p) : "–"), rows.Select(r => r[2]));
        Assert.Equal(krs.Select(k => $"{k.Items.Total}"), rows.Select(r => r[5]));
        Assert.Equal(krs.Select(k => string.Join(" ", k.Flags)), rows.Select(r => r[6].Replace("\n", " ", StringComparison.Ordinal)));
        Assert.Equal(["4", "2"], rows.Select(r => r[5]));
        Assert.Equal("40%", rows[0][2]);

        Assert.Equal($"{Report.Findings.Count}", await page.InnerTextAsync("#findings-count"));
        Assert.Equal(Report.Trend.Count, await page.Locator("#trend-chart circle").CountAsync());
    }

    [Fact]
    public async Task The_tree_adds_up_at_every_level_and_its_key_results_carry_the_report_figures()
    {
        await using var context = await fixture.SignedInAsync();
        var page = await OpenAsync(context, "/tree");

        var mismatches = await page.EvaluateAsync<string[]>("""
            () => {
              const bad = [];
              const child = li => li.hasAttribute('data-count') ? li : li.querySelector(':scope > details');
              for (const d of document.querySelectorAll('details[data-count]')) {
                const ul = d.querySelector(':scope > ul');
                const kids = ul ? [...ul.children].map(child).filter(Boolean) : [];
                const node = d.classList.contains('node');
                const count = kids.reduce((s, k) => s + Number(k.dataset.count), node ? 1 : 0);
                const points = kids.reduce((s, k) => s + Number(k.dataset.points), node ? Number(d.dataset.own) : 0);
                if (Number(d.dataset.count) !== count || Math.abs(Number(d.dataset.points) - points) > 1e-9)
                  bad.push(d.querySelector('summary').innerText + ': ' + d.dataset.count + '/' + d.dataset.points + ' vs ' + count + '/' + points);
              }
              return bad;
            }
            """);
        Assert.Empty(mismatches);

        foreach (var kr in Report.Objectives.SelectMany(o => o.KeyResults))
        {
            var details = page.Locator($"details.kr[data-kr='{kr.Id}']");
            Assert.Equal($"{kr.Items.Total}", await details.GetAttributeAsync("data-count"));
            Assert.Equal(Num(kr.Points), await details.GetAttributeAsync("data-points"));
        }

        // O1-KR1: PAY-1 → PAY-2 → {acme/web#10, PAY-3} (by source, then key); O1-KR2: GRO-1 → GRO-2 (GRO-4 is Removed).
        Assert.Equal("4", await page.GetAttributeAsync("details.kr[data-kr='O1-KR1'] > ul > li > details.node", "data-count"));
        Assert.Equal(
            ["acme/web#10", "PAY-3"],
            await page.Locator("details.kr[data-kr='O1-KR1'] details.node details.node > ul > li.leaf > a.key").AllTextContentsAsync());
        Assert.Equal("5", await page.GetAttributeAsync("details.kr[data-kr='O1-KR2'] > ul > li > details.node", "data-points"));
        Assert.Equal("6", await page.GetAttributeAsync("details.objective", "data-count"));
        Assert.Equal(0, await page.Locator("text=GRO-4").CountAsync());
    }

    [Fact]
    public async Task The_kr_page_shows_its_figures_metric_provenance_and_how_each_item_is_linked()
    {
        await using var context = await fixture.SignedInAsync();
        var page = await OpenAsync(context, "/kr/O1-KR1");
        var kr = Report.Objectives.SelectMany(o => o.KeyResults).Single(k => k.Id == "O1-KR1");

        Assert.Equal(
            [Value(kr.Baseline, kr.Unit), Value(kr.Current, kr.Unit), Value(kr.Target, kr.Unit), Pct(kr.Progress!.Value), Pct(kr.Expected), kr.Status ?? "–", $"{kr.Items.Total}", $"{kr.Items.Todo}", $"{kr.Items.InProgress}", $"{kr.Items.Done}", Num(kr.Points)],
            await page.Locator("#kr-figures dd").AllInnerTextsAsync().ContinueWith(t => t.Result.Take(11).ToList()));
        Assert.Equal(("35 accounts", "41 accounts", "40%", 3, 1), (Value(kr.Baseline, kr.Unit), Value(kr.Current, kr.Unit), Pct(kr.Progress.Value), kr.Items.InProgress, kr.Items.Done));
        Assert.Equal(kr.Samples.Count, await page.Locator("#metric-chart circle").CountAsync());
        Assert.Equal(3, kr.Samples.Count);
        Assert.Equal("Baseline given in okrs.yaml.", await page.InnerTextAsync("#baseline-source"));

        var how = (await CellsAsync(page, "#linked")).ToDictionary(r => r[0], r => r[6]);
        Assert.Equal(
            new Dictionary<string, string>
            {
                ["PAY-1"] = "explicit: label kr:O1-KR1",
                ["PAY-2"] = "inherited from PAY-1",
                ["PAY-3"] = "inherited from PAY-1",
                ["acme/web#10"] = "cross-reference to PAY-2",
            },
            how);
        Assert.Equal(kr.Items.Total, how.Count);
    }

    [Fact]
    public async Task The_team_page_lists_its_figures_unlinked_items_and_the_tags_to_fix()
    {
        await using var context = await fixture.SignedInAsync();
        var page = await OpenAsync(context, "/teams/payments");
        var team = Report.Teams.Single(x => x.Team == "payments");

        Assert.Equal(
            [$"{team.Items}", $"{team.Linked}", $"{team.Bau}", $"{team.Unlinked}", Pct(team.UnlinkedShare), Pct(team.Points.UnlinkedShare)],
            await page.Locator("#team-figures dd").AllInnerTextsAsync());
        Assert.Equal(["6", "3", "1", "2", "33.3%"], (await page.Locator("#team-figures dd").AllInnerTextsAsync()).Take(5));
        Assert.Equal(
            Report.UnlinkedItems.Where(i => i.Team == "payments").Select(i => i.Key),
            (await CellsAsync(page, "#unlinked")).Select(r => r[0]));

        var findings = await CellsAsync(page, "#tag-findings");
        var finding = Assert.Single(findings);
        Assert.Equal(["PAY-6", "unknown-kr-tag", "01-KR2", "O1-KR2"], finding.Take(4));
        Assert.Equal(Report.Findings.Single(f => f.Subject == "PAY-6").Message, finding[4]);
    }

    [Theory]
    [InlineData("/teams/payments?week=2026-W47")]
    [InlineData("/unlinked?week=2026-W47")]
    public async Task The_team_and_unlinked_pages_show_each_item_s_suggestions_with_their_evidence_and_link_it_to_its_item_page(string path)
    {
        await using var context = await fixture.SignedInAsync();
        var page = await OpenAsync(context, path);

        // PAY-4 has no parent, names nothing and shares no word with a KR's items; its team's linked work of the four weeks
        // before W47 ends (PAY-1, PAY-2, PAY-3) all serves O1-KR1: 0.4 × 3/3.
        var row = page.Locator("#unlinked tbody tr", new() { Has = page.Locator("td:first-child", new() { HasTextString = "PAY-4" }) });
        Assert.Equal(["O1-KR1"], await row.Locator("ol.suggestions > li > a.key").AllInnerTextsAsync());
        Assert.Equal(["0.40"], await row.Locator("ol.suggestions .score").AllInnerTextsAsync());
        Assert.Equal(
            ["3 of 3 linked items of team payments updated in the last 4 weeks serve O1-KR1"],
            await row.Locator("ul.evidence li").AllInnerTextsAsync());
        Assert.Equal("/item/jira/PAY-4?week=2026-W47", await row.Locator("a.review").GetAttributeAsync("href"));

        // Every row shows what the stored report holds for it, and links to its item page.
        var items = path.StartsWith("/teams/", StringComparison.Ordinal) ? [.. Report.UnlinkedItems.Where(i => i.Team == "payments")] : Report.UnlinkedItems;
        Assert.Equal(
            items.Select(i => string.Join(" | ", i.Suggestions!.SelectMany(s => s.Evidence))),
            await page.Locator("#unlinked td.suggestions").EvaluateAllAsync<string[]>(
                "cells => cells.map(c => [...c.querySelectorAll('ul.evidence li')].map(li => li.innerText).join(' | '))"));
        Assert.Equal(
            items.Select(i => $"/item/{i.Source}/{Uri.EscapeDataString(i.Key)}?week=2026-W47"),
            await page.Locator("#unlinked a.review").EvaluateAllAsync<string[]>("links => links.map(a => a.getAttribute('href'))"));
    }

    [Theory]
    [InlineData("", new[] { "PAY-6", "PAY-4", "acme/web#11", "acme/web#12" })]
    [InlineData("source=gh", new[] { "acme/web#11", "acme/web#12" })]
    [InlineData("team=payments&sort=points&dir=asc", new[] { "PAY-4", "PAY-6" })]
    [InlineData("sort=key&dir=desc", new[] { "PAY-6", "PAY-4", "acme/web#12", "acme/web#11" })]
    [InlineData("sort=title", new[] { "PAY-4", "acme/web#11", "acme/web#12", "PAY-6" })]
    [InlineData("type=pull-request", new[] { "acme/web#11" })]
    [InlineData("state=CLOSED", new[] { "acme/web#12" })]
    [InlineData("team=web&type=issue", new[] { "acme/web#12" })]
    [InlineData("team=growth", new string[0])]
    public async Task The_unlinked_list_sorts_and_filters_to_exactly_the_expected_rows(string query, string[] keys)
    {
        await using var context = await fixture.SignedInAsync();
        var page = await OpenAsync(context, "/unlinked?" + query);

        var shown = keys.Length == 0 ? [] : (await CellsAsync(page, "#unlinked")).Select(r => r[0]).ToList();
        Assert.Equal(keys, shown);
        Assert.Equal($"{keys.Length}", await page.InnerTextAsync("#unlinked-count"));

        // The CSV link carries the same query: the same rows, all of them, in the same order.
        var csvHref = await page.GetAttributeAsync("#csv", "href");
        var csv = await context.APIRequest.GetAsync(Base + csvHref);
        Assert.Equal(200, csv.Status);
        var lines = (await csv.TextAsync()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("source,key,title,url,team,type,state,points", lines[0]);
        Assert.Equal(keys, lines.Skip(1).Select(l => l.Split(',')[1]));
    }

    [Fact]
    public async Task The_unlinked_csv_holds_the_report_rows_with_tracker_text_quoted()
    {
        await using var context = await fixture.SignedInAsync();
        var csv = await context.APIRequest.GetAsync(Base + "/unlinked.csv?week=2026-W47&team=payments&sort=points&dir=asc");

        Assert.Equal("attachment; filename=\"unlinked-2026-W47.csv\"", csv.Headers["content-disposition"]);
        Assert.Equal(
            "source,key,title,url,team,type,state,points\r\n"
            + "jira,PAY-4,\"<script>window.__pwned=1</script><img src=x onerror=\"\"window.__pwned=2\"\">\",javascript:alert(1),payments,Story,In Progress,5\r\n"
            + "jira,PAY-6,Refund flow,https://jira.example/browse/PAY-6,payments,Story,In Progress,8\r\n",
            await csv.TextAsync());
    }

    [Fact]
    public async Task Links_between_pages_lead_where_they_say_and_keep_the_week()
    {
        await using var context = await fixture.SignedInAsync();
        var page = await OpenAsync(context, "/?week=2026-W47");

        await ClickAsync(page, "#key-results a[href^='/kr/O1-KR1']");
        Assert.Equal(Base + "/kr/O1-KR1?week=2026-W47", page.Url);
        Assert.StartsWith("O1-KR1", await page.InnerTextAsync("h1"), StringComparison.Ordinal);

        await ClickAsync(page, "a[href^='/teams/payments']");
        Assert.Equal("Team payments", await page.InnerTextAsync("h1"));
        Assert.Equal(Base + "/teams/payments?week=2026-W47", page.Url);
        await ClickAsync(page, "#tag-findings td.suggested a");
        Assert.Equal(Base + "/kr/O1-KR2?week=2026-W47", page.Url);

        await ClickAsync(page, "nav[aria-label='Dashboard'] >> text=Line of sight");
        Assert.Equal(Base + "/tree?week=2026-W47", page.Url);
        await page.ClickAsync("details.kr[data-kr='O1-KR2'] > summary");
        await ClickAsync(page, "details.kr[data-kr='O1-KR2'] a.open-kr");
        Assert.Equal(Base + "/kr/O1-KR2?week=2026-W47", page.Url);

        await ClickAsync(page, "nav[aria-label='Dashboard'] >> text=Unlinked work");
        await ClickAsync(page, "#unlinked thead a:text('Points')");
        Assert.Equal(Base + "/unlinked?week=2026-W47&sort=points&dir=desc", page.Url);
        await page.SelectOptionAsync("select[name=team]", "web");
        await ClickAsync(page, "form.filters button");
        Assert.Equal(Base + "/unlinked?week=2026-W47&team=web&source=&type=&state=&sort=points&dir=desc", page.Url);
        Assert.Equal(["acme/web#11", "acme/web#12"], (await CellsAsync(page, "#unlinked")).Select(r => r[0]));

        await page.SelectOptionAsync("#week-picker", "2026-W47");
        await ClickAsync(page, "header.bar form[method=get] button");
        Assert.Equal(Base + "/unlinked?week=2026-W47", page.Url);

        // Items link to their trackers; an address that is not http(s) stays text.
        Assert.Equal("https://jira.example/browse/PAY-6", await page.GetAttributeAsync("#unlinked a:text('PAY-6')", "href"));
        Assert.Equal(0, await page.Locator("a[href^='javascript']").CountAsync());
    }

    [Fact]
    public async Task A_hostile_title_shows_as_text_and_runs_nothing_even_without_the_content_policy()
    {
        await using var context = await fixture.SignedInAsync(bypassCsp: true);
        var dialogs = new List<string>();
        foreach (var path in new[] { "/unlinked", "/teams/payments", "/unlinked?sort=title" })
        {
            var page = await OpenAsync(context, path);
            page.Dialog += (_, dialog) => dialogs.Add(dialog.Message);
            var cell = page.Locator("#unlinked td", new() { HasTextString = DashboardSample.HostileTitle });
            Assert.Equal(1, await cell.CountAsync());
            Assert.Equal(DashboardSample.HostileTitle, await cell.InnerTextAsync());
            Assert.Equal(0, await page.EvaluateAsync<int>("document.querySelectorAll('script, img').length"));
            Assert.Null(await page.EvaluateAsync<JsonElement?>("window.__pwned ?? null"));
            Assert.Equal("PAY-4", await page.InnerTextAsync("#unlinked span.key:text('PAY-4')"));
        }

        Assert.Empty(dialogs);
    }

    [Fact]
    public async Task Without_the_key_every_page_but_the_login_form_answers_401_and_the_api_keeps_its_headers()
    {
        await using var context = await fixture.Browser.NewContextAsync();
        foreach (var path in EveryPage)
        {
            var response = await context.APIRequest.GetAsync(Base + path, new() { MaxRedirects = 0 });
            Assert.True(response.Status == 401, $"{path} answered {response.Status}");
            Assert.Contains("<form method=\"post\" action=\"/login\">", await response.TextAsync(), StringComparison.Ordinal);
        }

        Assert.Equal(200, (await context.APIRequest.GetAsync(Base + "/login")).Status);
        Assert.Equal(401, (await context.APIRequest.GetAsync(Base + "/api/report/latest")).Status);
        var withHeader = await context.APIRequest.GetAsync(Base + "/api/report/latest", new() { Headers = new Dictionary<string, string> { ["X-Api-Key"] = DashboardSample.ApiKey } });
        Assert.Equal(200, withHeader.Status);
        var pageWithHeader = await context.APIRequest.GetAsync(Base + "/tree", new() { Headers = new Dictionary<string, string> { ["X-Api-Key"] = DashboardSample.ApiKey } });
        Assert.Equal(200, pageWithHeader.Status);

        // A wrong key gets the form again with 401; the right one sets an HttpOnly, SameSite=Strict cookie that is not the key.
        var page = await context.NewPageAsync();
        await page.GotoAsync(Base + "/teams/payments?week=2026-W47");
        await page.FillAsync("#key", "wrong");
        var refused = await page.NavigateAsync(() => page.ClickAsync("form[action='/login'] button"));
        Assert.Equal(401, refused.Status);
        Assert.Equal("That is not the key. Try again.", await page.InnerTextAsync(".error"));
        await page.FillAsync("#key", DashboardSample.ApiKey);
        var back = await page.NavigateAsync(() => page.ClickAsync("form[action='/login'] button"));
        Assert.Equal(200, back.Status);
        Assert.Equal(Base + "/teams/payments?week=2026-W47", page.Url);
        var cookie = Assert.Single(await context.CookiesAsync());
        Assert.Equal(("okrlinker-session", true, SameSiteAttribute.Strict), (cookie.Name, cookie.HttpOnly, cookie.SameSite));
        Assert.DoesNotContain(DashboardSample.ApiKey, cookie.Value, StringComparison.Ordinal);

        // Signing out ends it.
        await ClickAsync(page, "form[action='/logout'] button");
        Assert.Equal(401, (await context.APIRequest.GetAsync(Base + "/")).Status);
    }

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task Each_page_loads_without_errors_or_requests_elsewhere_passes_axe_and_is_photographed_at_phone_and_laptop_widths(string name, string path)
    {
        var axe = AxeScript();
        foreach (var width in new[] { 390, 1366 })
        {
            await using var context = await fixture.SignedInAsync(width);
            var page = await context.NewPageAsync();
            var problems = new List<string>();
            var elsewhere = new List<string>();
            page.Console += (_, message) =>
            {
                if (message.Type == "error")
                {
                    problems.Add("console: " + message.Text);
                }
            };
            page.PageError += (_, error) => problems.Add("page error: " + error);
            page.Request += (_, request) =>
            {
                if (!request.Url.StartsWith(Base + "/", StringComparison.Ordinal))
                {
                    elsewhere.Add(request.Url);
                }
            };
            var response = await page.GotoAsync(Base + path, new() { WaitUntil = WaitUntilState.Load });
            Assert.Equal(200, response!.Status);
            Assert.Equal(0, await page.EvaluateAsync<int>("document.querySelectorAll('script').length"));
            Assert.Equal(0, await page.EvaluateAsync<int>("document.documentElement.scrollWidth - window.innerWidth > 1 && getComputedStyle(document.body).overflowX !== 'hidden' ? 1 : 0"));
            await page.ScreenshotAsync(new() { Path = Path.Combine(DashboardFixture.ShotFolder, $"{name}-{width}.png"), FullPage = true });
            Assert.Empty(problems);
            Assert.Empty(elsewhere);
        }

        // axe-core needs a script in the page, which the page's own policy forbids: a context that bypasses it.
        await using var axeContext = await fixture.SignedInAsync(1366, bypassCsp: true);
        var axePage = await OpenAsync(axeContext, path);
        await axePage.EvaluateAsync("() => document.querySelectorAll('details').forEach(d => d.open = true)");
        await axePage.AddScriptTagAsync(new() { Content = axe });
        var violations = await axePage.EvaluateAsync<JsonElement>("""
            async () => (await axe.run(document, { resultTypes: ['violations'] })).violations
              .filter(v => v.impact === 'serious' || v.impact === 'critical')
              .map(v => v.id + ' (' + v.impact + '): ' + v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(' | '))
            """);
        Assert.True(violations.GetArrayLength() == 0, violations.GetRawText());
    }

    private static string AxeScript()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var path = Path.Combine(dir.FullName, "tests", "Linker.Worker.Tests", "Browser", "axe", "node_modules", "axe-core", "axe.min.js");
            if (File.Exists(path))
            {
                return File.ReadAllText(path);
            }
        }

        Assert.Fail("axe-core is missing: run ./test.sh (npm ci in tests/Linker.Worker.Tests/Browser/axe) before the dashboard accessibility test.");
        return "";
    }

    private async Task<IPage> OpenAsync(IBrowserContext context, string path)
    {
        var page = await context.NewPageAsync();
        var response = await page.GotoAsync(Base + path);
        Assert.Equal(200, response!.Status);
        return page;
    }

    private static async Task ClickAsync(IPage page, string selector) =>
        await page.NavigateAsync(() => page.Locator(selector).First.ClickAsync());

    private static async Task<List<string[]>> CellsAsync(IPage page, string table) =>
        [.. await page.EvaluateAsync<string[][]>(
            "sel => [...document.querySelectorAll(sel + ' tbody tr')].map(r => [...r.cells].map(c => c.innerText.trim()))", table)];
}
