using System.Globalization;
using System.Text.Json;
using OkrLinker.Fakes;
using OkrLinker.Fakes.Jira;
using OkrLinker.Worker.Tests.Support;

namespace OkrLinker.Worker.Tests.EndToEnd;

/// <summary>
/// A Jira issue or an Azure DevOps work item that names another synced item only in its description follows that
/// item's KRs (DESIGN.md §7, cross-reference "in its title, body or branch"): both live sources on their fakes,
/// synced by the real worker, linked by its report and told by <c>explain</c>.
/// </summary>
public sealed class DescriptionReferenceTests
{
    [Theory]
    [InlineData(FakeJiraFlavor.Cloud)]      // description in Atlassian Document Format
    [InlineData(FakeJiraFlavor.DataCenter)] // description in wiki markup
    public async Task Items_that_name_another_tracker_s_item_in_their_description_serve_its_krs(FakeJiraFlavor flavor)
    {
        var ado = FakeAzureDevOpsData.GenerateOneDay(5, "Shop", 0, new DateOnly(2026, 11, 18)); // project Shop (Agile), no items yet
        var jira = new FakeJiraData(["PAY"]);

        // ADO 1 carries O1-KR2 in its KR field; ADO 2 names PAY-1 in its HTML description only; ADO 3 names nothing.
        var epic = ado.Create("Shop", "Epic", "Checkout speed", "Active", i => i with { KeyResult = "O1-KR2" });
        var follower = ado.Create("Shop", "User Story", "Retry declined cards in the app", "Active", i => i with
        {
            Description = "<div>Mirrors&nbsp;<b>PAY-1</b> on the app side.</div><div><br></div><ul><li>same backoff</li></ul>",
        });
        var loner = ado.Create("Shop", "User Story", "Tidy the basket page", "Active", i => i with { Description = "<p>Only CSS.</p>" });

        // PAY-1 carries kr:O1-KR1; PAY-2 names AB#1 in its description only; PAY-3 names nothing.
        var tagged = Plain(jira, jira.Create("PAY", FakeJiraIssue.Story, "Payment retries"), labels: ["kr:O1-KR1"]);
        var implementer = Plain(jira, jira.Create("PAY", FakeJiraIssue.Story, "Cache the basket totals"),
            description: $"Speeds up the checkout.\nImplements AB#{epic.Id} on the server.");
        var plain = Plain(jira, jira.Create("PAY", FakeJiraIssue.Story, "Rename the payment job"), description: "No ticket behind this one.");

        using var jiraFake = FakeJira.Start(jira, new FakeJiraOptions { Flavor = flavor });
        await using var adoFake = FakeAzureDevOps.Start(ado);
        var jiraToken = "DESC_JIRA_" + Guid.NewGuid().ToString("N");
        var adoToken = "DESC_ADO_" + Guid.NewGuid().ToString("N");
        Environment.SetEnvironmentVariable(jiraToken, jiraFake.Token);
        Environment.SetEnvironmentVariable(adoToken, adoFake.Token);
        try
        {
            using var config = new TempConfig().WithOkrs(TempConfig.GoodOkrs).WithConfig(ConfigJson(jiraFake, jiraToken, adoFake, adoToken));

            var sync = await config.RunAsync("sync");
            Assert.True(sync.ExitCode == 0, sync.Out + sync.Error);

            // By hand: O1-KR1 = PAY-1 (label) + ADO 2 (names PAY-1); O1-KR2 = ADO 1 (field) + PAY-2 (names AB#1).
            // PAY-3 and ADO 3 name nothing: the two unlinked items of six.
            var report = await config.RunAsync("report", "--format", "json");
            Assert.True(report.ExitCode == 0, report.Out + report.Error);
            using var json = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(config.OutFolder, "report-2026-W47.json")));
            var krs = json.RootElement.GetProperty("objectives").EnumerateArray()
                .SelectMany(o => o.GetProperty("keyResults").EnumerateArray())
                .ToDictionary(kr => kr.GetProperty("id").GetString()!, kr => kr.GetProperty("items").GetProperty("total").GetInt32());
            Assert.Equal(new Dictionary<string, int> { ["O1-KR1"] = 2, ["O1-KR2"] = 2 }, krs);

            var story = await config.RunAsync("explain", implementer.Key);
            Assert.Contains($"{implementer.Key} serves O1-KR2 through {epic.Id}, which it names in its body as AB#{epic.Id}.", story.Out, StringComparison.Ordinal);
            Assert.Contains($"{epic.Id} serves O1-KR2 (field \"Key Result\" = O1-KR2).", story.Out, StringComparison.Ordinal);
            var item = await config.RunAsync("explain", "--source", "ado", follower.Id.ToString(CultureInfo.InvariantCulture));
            Assert.Contains($"{follower.Id} serves O1-KR1 through {tagged.Key}, which it names in its body.", item.Out, StringComparison.Ordinal);
            Assert.Contains($"{tagged.Key} serves O1-KR1 (label kr:O1-KR1).", item.Out, StringComparison.Ordinal);
            foreach (var (source, key) in new[] { ("jira", plain.Key), ("ado", loner.Id.ToString(CultureInfo.InvariantCulture)) })
            {
                var unlinked = await config.RunAsync("explain", "--source", source, key);
                Assert.Contains($"{key} is unlinked: nothing links it to a KR of 2026-Q4.", unlinked.Out, StringComparison.Ordinal);
                Assert.Contains("It names no other item.", unlinked.Out, StringComparison.Ordinal);
            }
        }
        finally
        {
            Environment.SetEnvironmentVariable(jiraToken, null);
            Environment.SetEnvironmentVariable(adoToken, null);
        }
    }

    // The fake's Create draws labels, a KR, components and a status at random: these issues carry only what the test says.
    private static FakeJiraIssue Plain(FakeJiraData data, FakeJiraIssue issue, string[]? labels = null, string? description = null) =>
        data.Edit(issue.Id, i => i with
        {
            Labels = labels ?? [],
            Components = [],
            KeyResult = null,
            Status = "In Progress",
            Category = "indeterminate",
            Resolved = null,
            Description = description,
        });

    private static string ConfigJson(FakeJira jira, string jiraToken, FakeAzureDevOps ado, string adoToken) => JsonSerializer.Serialize(new
    {
        Okrs = new { Path = "okrs.yaml" },
        Store = new { Provider = "Sqlite", ConnectionString = "Data Source=../data/okrlinker.db" },
        Sources = new object[]
        {
            new
            {
                Name = "jira",
                Kind = "jira",
                BaseUrl = jira.BaseUrl.ToString(),
                Flavor = jira.Flavor.ToString(),
                Projects = new[] { "PAY" },
                Auth = jira.Flavor == FakeJiraFlavor.Cloud ? (object)new { Email = jira.Email, TokenEnv = jiraToken } : new { TokenEnv = jiraToken },
            },
            new
            {
                Name = "ado",
                Kind = "azure-devops",
                BaseUrl = ado.BaseUrl.ToString().TrimEnd('/'),
                Projects = new[] { "Shop" },
                Auth = new { TokenEnv = adoToken },
            },
        },
        Http = new { BaseDelay = "00:00:00.010", MaxDelay = "00:00:00.200", AttemptTimeout = "00:00:05", MaxRetries = 8 },
        Report = new { Week = "2026-W47", TimeZone = "UTC", Output = "../out" },
        Web = new { Urls = "http://127.0.0.1:0" },
    });
}
