using System.Text.Json;
using OkrLinker.Worker.Tests.Support;

namespace OkrLinker.Worker.Tests.Cli;

/// <summary>
/// <c>suggest</c> on a small synced backlog: the week's unlinked items in the report's order with their suggestions
/// and evidence, one team's, the evaluation, the report JSON's field, and the exit code of a bad option. The scores are
/// worked out in the comments (see KrSuggester: 1 − Π(1 − weight × strength)).
/// </summary>
public sealed class SuggestVerbTests : IDisposable
{
    private const string Header = "key,title,type,state,team,labels,parent,points,created,resolved,components";

    // PAY-3 is an untagged epic: two of its stories are tagged O1-KR1, PAY-13 serves it by rule, PAY-12 is unlinked.
    // Growth: GRO-1 is tagged O1-KR2, GRO-2 shares its word "welcome".
    private const string Jira = $"""
        {Header}
        PAY-3,Card retries,Epic,In Progress,payments,,,,2026-11-02T09:00:00Z,,
        PAY-10,Retry declined cards,Story,In Progress,payments,kr:O1-KR1,PAY-3,2,2026-11-03T09:00:00Z,,
        PAY-11,Retry expired cards,Story,In Progress,payments,kr:O1-KR1,PAY-3,2,2026-11-03T09:00:00Z,,
        PAY-12,Retry cards at night,Story,In Progress,payments,,PAY-3,3,2026-11-03T09:00:00Z,,
        PAY-13,Checkout card form,Story,In Progress,payments,,PAY-3,1,2026-11-03T09:00:00Z,,Checkout
        GRO-1,Welcome tour,Story,In Progress,growth,kr:O1-KR2,,,2026-11-04T09:00:00Z,,
        GRO-2,Welcome email copy,Story,In Progress,growth,,,,2026-11-04T09:00:00Z,,
        """;

    private readonly TempConfig config = new TempConfig()
        .WithOkrs(TempConfig.GoodOkrs)
        .WithFile("samples/jira/backlog.csv", Jira)
        .WithConfig(Json());

    public void Dispose() => config.Dispose();

    [Fact]
    public async Task Suggest_prints_each_unlinked_item_with_its_KRs_scores_and_evidence_in_the_report_s_order()
    {
        await config.RunAsync("sync");

        var run = await config.RunAsync("suggest");

        // PAY-12: siblings 3 of 3 (0.9) and team 3 of 3 (0.4): 1 − 0.1 × 0.6 = 0.94. GRO-2: team 1 of 1 (0.4) and text
        // (0.8 × cosine 0.104: "welcome", idf ln(8/3), against O1-KR2's profile of "welcome" and "tour" from GRO-1's title and
        // five words of its own title, each twice ln 8): 1 − 0.6 × 0.917 = 0.450. PAY-3: team (0.4) and text (0.8 × cosine
        // 0.126: "card", in PAY-13's title, against O1-KR1's "declined", "expired", "checkout", "form", "card" and its title's
        // "raise", "day", "activation"; "retry" and "cards" are in half the titles and weigh nothing): 1 − 0.6 × 0.899 = 0.461.
        Assert.Equal(0, run.ExitCode);
        Assert.Equal(
            """
            2026-W47: 3 unlinked items in scope, 3 with a suggestion.

            PAY-12 — Retry cards at night (jira, team payments)
              O1-KR1 0.940  3 of 3 siblings under PAY-3 serve O1-KR1
                            3 of 3 linked items of team payments updated in the last 4 weeks serve O1-KR1

            GRO-2 — Welcome email copy (jira, team growth)
              O1-KR2 0.450  title shares "Welcome" (1 item) with O1-KR2
                            1 of 1 linked item of team growth updated in the last 4 weeks serves O1-KR2

            PAY-3 — Card retries (jira, team payments)
              O1-KR1 0.461  title shares "Card" (1 item) with O1-KR1
                            3 of 3 linked items of team payments updated in the last 4 weeks serve O1-KR1

            """,
            run.Out.ReplaceLineEndings("\n"));
    }

    [Fact]
    public async Task Team_narrows_the_items()
    {
        await config.RunAsync("sync");

        var run = await config.RunAsync("suggest", "--team", "growth");

        Assert.Equal(0, run.ExitCode);
        Assert.StartsWith("2026-W47: 1 unlinked item in scope, 1 with a suggestion.\n\nGRO-2 — ", run.Out.ReplaceLineEndings("\n"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Evaluate_hides_the_tags_and_says_how_often_they_came_back()
    {
        await config.RunAsync("sync");

        var run = await config.RunAsync("suggest", "--evaluate", "--share", "1");

        // All three tags hidden: PAY-10 and PAY-11 still have PAY-13 (rule-linked O1-KR1) among their siblings; GRO-1 has nothing.
        Assert.Equal(0, run.ExitCode);
        Assert.Equal(
            """
            Hid the tags of 3 of 3 tagged items (share 1, seed 1); 3 were left unlinked and evaluated.
            top-1 accuracy: 66.7 % (2 of 3)
            top-3 accuracy: 66.7 % (2 of 3)
            no suggestion: 1

            """,
            run.Out.ReplaceLineEndings("\n"));
    }

    [Theory]
    [InlineData("--share", "0")]
    [InlineData("--share", "1.5")]
    [InlineData("--week", "2026-47")]
    public async Task A_bad_option_exits_2(string option, string value)
    {
        var run = await config.RunAsync("suggest", option, value);

        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith(option, run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_negative_cap_is_a_configuration_error_that_names_the_key()
    {
        config.WithConfig(Json(""" , "Suggestions": { "MaxItems": -1 } """));

        var run = await config.RunAsync("suggest");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("Report:Suggestions:MaxItems: -1 is negative (0 or more; default 10000)", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_report_json_carries_the_same_suggestions_per_unlinked_item()
    {
        var run = await config.RunAsync("run", "--once");

        Assert.Equal(0, run.ExitCode);
        using var json = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(config.OutFolder, "report-2026-W47.json")));
        var first = json.RootElement.GetProperty("unlinkedItems")[0];
        Assert.Equal("PAY-12", first.GetProperty("key").GetString());
        Assert.Equal(
            """[{"kr":"O1-KR1","score":0.94,"evidence":["3 of 3 siblings under PAY-3 serve O1-KR1","3 of 3 linked items of team payments updated in the last 4 weeks serve O1-KR1"]}]""",
            JsonSerializer.Serialize(first.GetProperty("suggestions")));
    }

    private static string Json(string reportExtra = "") => $$"""
        {
          "Okrs": { "Path": "okrs.yaml" },
          "Store": { "Provider": "Sqlite", "ConnectionString": "Data Source=../data/okrlinker.db" },
          "Sources": [ { "Name": "jira", "Kind": "files", "Format": "csv", "Path": "samples/jira" } ],
          "Linking": { "Rules": [ { "Source": "jira", "Field": "component", "Equals": "Checkout", "Kr": "O1-KR1" } ] },
          "Report": { "Week": "2026-W47", "TimeZone": "UTC", "Output": "../out", "Formats": ["json"]{{reportExtra}} }
        }
        """;
}
