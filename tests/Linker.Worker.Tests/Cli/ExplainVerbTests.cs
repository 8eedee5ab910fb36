using System.Text.Json;
using OkrLinker.Worker.Tests.Support;

namespace OkrLinker.Worker.Tests.Cli;

/// <summary>
/// <c>explain &lt;key&gt;</c> on a small synced backlog: a Jira-like CSV export and a GitHub-like one whose
/// pull requests name Jira keys. Exit 0 found, 1 no such item, 2 bad config; the words are exact.
/// </summary>
public sealed class ExplainVerbTests : IDisposable
{
    private const string Header = "key,title,type,state,team,labels,parent,points,created,resolved,components,body,branch,category";

    // PAY-3 is a tagged epic, PAY-12 its story; PAY-40 only has the Checkout component (rule), PAY-41 is a bug (BAU).
    private const string Jira = $"""
        {Header}
        PAY-3,Card retries,Epic,In Progress,payments,kr:O1-KR1,,,2026-11-02T09:00:00Z,,,,
        PAY-12,Retry declined cards,Story,In Progress,payments,,PAY-3,3,2026-11-03T09:00:00Z,,,,
        PAY-40,New checkout button,Story,In Progress,payments,,,2,2026-11-03T09:00:00Z,,Checkout,,
        PAY-41,Fix 3DS timeout,Bug,In Progress,payments,,,1,2026-11-04T09:00:00Z,,,,
        """;

    // #88 names PAY-12 in its branch, #89 names an unsynced project, #90 is tagged itself as well.
    private const string GitHub = $"""
        {Header}
        acme/web#88,Retry on decline,pull-request,open,web,,,,2026-11-10T09:00:00Z,,,"Retries a declined card once, after 2 s.",feature/pay-12-retry,InProgress
        acme/web#89,Tidy up,pull-request,open,web,,,,2026-11-10T09:00:00Z,,,See ABC-7,,InProgress
        acme/web#90,PAY-12 tuning [O1-KR2],pull-request,open,web,,,,2026-11-10T09:00:00Z,,,,,InProgress
        """;

    private readonly TempConfig config = new TempConfig()
        .WithOkrs(TempConfig.GoodOkrs)
        .WithFile("samples/jira/backlog.csv", Jira)
        .WithFile("samples/gh/backlog.csv", GitHub)
        .WithConfig(Json());

    public void Dispose() => config.Dispose();

    [Theory]
    [InlineData("PAY-3", """
        PAY-3 — Card retries (jira, team payments, Epic, In Progress)
          PAY-3 serves O1-KR1 (label kr:O1-KR1).
        """)]
    [InlineData("pay-12", """
        PAY-12 — Retry declined cards (jira, team payments, Story, In Progress)
          PAY-12 inherits O1-KR1 from its epic PAY-3 (label kr:O1-KR1).
        """)]
    [InlineData("acme/web#88", """
        acme/web#88 — Retry on decline (gh, team web, pull-request, open)
          acme/web#88 serves O1-KR1 through PAY-12, which it names in its branch feature/pay-12-retry.
          PAY-12 inherits O1-KR1 from its epic PAY-3 (label kr:O1-KR1).
        """)]
    [InlineData("acme/web#90", """
        acme/web#90 — PAY-12 tuning [O1-KR2] (gh, team web, pull-request, open)
          acme/web#90 serves O1-KR2 (title token [O1-KR2]).
        """)]
    [InlineData("PAY-40", """
        PAY-40 — New checkout button (jira, team payments, Story, In Progress)
          PAY-40 serves O1-KR2 by rule Linking:Rules:0 (source jira, component equals Checkout).
          It names no KR itself (no KR label, title token or KR field value).
          It has no parent among the synced items.
          It names no other item.
        """)]
    [InlineData("PAY-41", """
        PAY-41 — Fix 3DS timeout (jira, team payments, Bug, In Progress)
          PAY-41 is BAU, run work rather than change work: BAU rule Linking:Bau:0 matches (type equals Bug).
          It names no KR itself (no KR label, title token or KR field value).
          It has no parent among the synced items.
          It names no other item.
        """)]
    [InlineData("acme/web#89", """
        acme/web#89 — Tidy up (gh, team web, pull-request, open)
          acme/web#89 is unlinked: nothing links it to a KR of 2026-Q4.
          It names no KR itself (no KR label, title token or KR field value).
          It has no parent among the synced items.
          It names ABC-7 in its body, which is no synced item.
          No linking rule and no BAU rule matches it.
        """)]
    public async Task Explain_says_how_the_linker_decided_in_words(string key, string expected)
    {
        await config.RunAsync("sync");

        var run = await config.RunAsync("explain", key);

        Assert.Equal((0, expected.ReplaceLineEndings("\n") + "\n"), (run.ExitCode, run.Out.ReplaceLineEndings("\n")));
    }

    [Fact]
    public async Task An_unknown_key_exits_1_and_says_what_keys_look_like()
    {
        await config.RunAsync("sync");

        var run = await config.RunAsync("explain", "PAY-99");

        Assert.Equal(1, run.ExitCode);
        Assert.Equal(
            "No synced item has the key 'PAY-99'. Keys are PAY-12 (Jira), 4711 (Azure DevOps) or owner/repo#12 (GitHub); run sync first if it is new.",
            run.Error.Trim());
    }

    [Fact]
    public async Task Source_narrows_the_search()
    {
        await config.RunAsync("sync");

        var run = await config.RunAsync("explain", "PAY-12", "--source", "gh");

        Assert.Equal(1, run.ExitCode);
    }

    [Fact]
    public async Task A_bad_reference_pattern_exits_2_and_names_the_key()
    {
        config.WithConfig(Json(""" , "ReferencePatterns": [ "AB#\\d+" ] """));

        var run = await config.RunAsync("explain", "PAY-12");

        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith("Linking:ReferencePatterns:0: the pattern 'AB#\\d+' has neither", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reference_patterns_in_the_config_replace_the_defaults()
    {
        // Only "Implements <key>" in a body counts now, so #88's branch no longer links it.
        config.WithConfig(Json(""" , "ReferencePatterns": [ "Implements (?<key>[A-Z]+-\\d+)" ] """));
        await config.RunAsync("sync");

        var run = await config.RunAsync("explain", "acme/web#88");

        Assert.Contains("acme/web#88 is unlinked", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_reports_unlinked_items_carry_the_same_answer()
    {
        var run = await config.RunAsync("run", "--once");

        Assert.Equal(0, run.ExitCode);
        using var json = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(config.OutFolder, "report-2026-W47.json")));
        var unlinked = Assert.Single(json.RootElement.GetProperty("unlinkedItems").EnumerateArray());
        Assert.Equal(
            """
            {"how":"unlinked","from":null,"krs":[],"why":["acme/web#89 is unlinked: nothing links it to a KR of 2026-Q4.","It names no KR itself (no KR label, title token or KR field value).","It has no parent among the synced items.","It names ABC-7 in its body, which is no synced item.","No linking rule and no BAU rule matches it."]}
            """,
            JsonSerializer.Serialize(unlinked.GetProperty("link")));
    }

    private static string Json(string linkingExtra = "") => $$"""
        {
          "Okrs": { "Path": "okrs.yaml" },
          "Store": { "Provider": "Sqlite", "ConnectionString": "Data Source=../data/okrlinker.db" },
          "Sources": [
            { "Name": "jira", "Kind": "files", "Format": "csv", "Path": "samples/jira" },
            { "Name": "gh", "Kind": "files", "Format": "csv", "Path": "samples/gh" }
          ],
          "Linking": {
            "Rules": [ { "Source": "jira", "Field": "component", "Equals": "Checkout", "Kr": "O1-KR2" } ],
            "Bau": [ { "Field": "type", "Equals": "Bug" } ]{{linkingExtra}}
          },
          "Report": { "Week": "2026-W47", "TimeZone": "UTC", "Output": "../out", "Formats": ["json"] }
        }
        """;
}
