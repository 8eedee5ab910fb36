using System.Globalization;
using System.Text.RegularExpressions;
using OkrLinker.Fakes;

namespace OkrLinker.Worker.Tests.AzureDevOps;

/// <summary><c>check</c> for an Azure DevOps source: reachable, PAT valid and allowed to read work items, projects, state categories.</summary>
public sealed partial class AzureDevOpsCheckTests
{
    // The source names no webhook secret, so check says it polls alone (on the default schedule).
    private const string NoWebhooks = "ado | webhooks | yes | off (no Webhook.SecretEnv or SecretFile): polling only, on 0 */15 * * * ?";

    [Fact]
    public async Task Check_reports_the_organization_each_project_its_newest_change_and_the_state_categories_per_type()
    {
        var data = FakeAzureDevOpsData.Generate(49, [new("Shop", 40, FakeAdoProcess.Agile), new("Mobile", 30, FakeAdoProcess.Custom)]);
        await using var ado = await AzureDevOpsHarness.StartAsync(data);

        var run = await ado.CheckAsync();

        Assert.Equal(0, run.ExitCode);
        var backlog = "New → ToDo; Active → InProgress; Resolved, Closed → Done; Removed → Removed";
        var task = "New → ToDo; Active → InProgress; Closed → Done; Removed → Removed";
        Assert.Equal(
            [
                "source | checked | ok | detail",
                "ado | organization | yes | reachable, PAT accepted for OKR Linker Bot, api-version 7.1",
                "ado | Shop | yes | visible (wellFormed, private)",
                $"ado | Shop work items | yes | readable with the field list; newest change {Newest(data, "Shop")}",
                "ado | Shop types | yes | Epic, Feature, User Story, Task",
                $"ado | Shop Epic | yes | {backlog}",
                $"ado | Shop Feature | yes | {backlog}",
                $"ado | Shop User Story | yes | {backlog}",
                $"ado | Shop Task | yes | {task}",
                "ado | Mobile | yes | visible (wellFormed, private)",
                $"ado | Mobile work items | yes | readable with the field list; newest change {Newest(data, "Mobile")}",
                "ado | Mobile types | yes | Epic, Feature, User Story, Task",
                $"ado | Mobile Epic | yes | {backlog}",
                $"ado | Mobile Feature | yes | {backlog}",
                "ado | Mobile User Story | yes | New, Triaged → ToDo; Active → InProgress; Ready for QA, Shipped → Done; Dropped → Removed",
                $"ado | Mobile Task | yes | {task}",
                NoWebhooks,
            ],
            Table(run.Out));
    }

    [Fact]
    public async Task A_pat_without_the_work_items_scope_passes_the_organization_and_project_lines_and_fails_the_work_items_line()
    {
        var data = FakeAzureDevOpsData.Generate(50, [new("Shop", 20, FakeAdoProcess.Agile)]);
        await using var ado = await AzureDevOpsHarness.StartAsync(data, new FakeAzureDevOpsOptions { TokenCanReadWorkItems = false });

        var run = await ado.CheckAsync();

        Assert.Equal(1, run.ExitCode);
        var table = Table(run.Out);
        Assert.Equal("ado | Shop | yes | visible (wellFormed, private)", table[2]);
        Assert.Equal(
            "ado | Shop work items | NO | Source 'ado': Azure DevOps answered 401 Unauthorized (TF400813: The user 'okr-linker-bot@acme.com' is not authorized to access this resource.)"
            + $" — check the token in {ado.TokenVariable}. The PAT needs the scope Work Items (Read).",
            table[3]);
    }

    [Fact]
    public async Task A_wrong_pat_answered_with_the_sign_in_page_fails_the_first_line_naming_the_variable()
    {
        var data = FakeAzureDevOpsData.Generate(51, [new("Shop", 20, FakeAdoProcess.Agile)]);
        await using var ado = await AzureDevOpsHarness.StartAsync(
            data, new FakeAzureDevOpsOptions { BadTokenAnswer = System.Net.HttpStatusCode.NonAuthoritativeInformation }, token: "wrong");

        var run = await ado.CheckAsync();

        Assert.Equal(1, run.ExitCode);
        Assert.Equal(
            [
                "source | checked | ok | detail",
                $"ado | organization | NO | Source 'ado': Azure DevOps answered 203 Non-Authoritative Information (a sign-in page) — check the token in {ado.TokenVariable}.",
                NoWebhooks,
            ],
            Table(run.Out));
    }

    private static string Newest(FakeAzureDevOpsData data, string project)
    {
        var newest = data.Snapshot().Where(i => i.Project == project).MaxBy(i => i.Changed)!;
        return string.Create(CultureInfo.InvariantCulture, $"#{newest.Id} at {newest.Changed.UtcDateTime:yyyy-MM-dd HH:mm} UTC");
    }

    // The table pads columns with runs of spaces; the details themselves have single spaces only.
    // The header and the source's own rows; the harness's OKRs add metric rows (tracker) that are not this test's subject.
    private static List<string> Table(string output) =>
        [.. output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => Columns().Replace(l.TrimEnd(), " | "))
            .Where(row => !row.StartsWith("tracker | ", StringComparison.Ordinal))];

    [GeneratedRegex(" {2,}")]
    private static partial Regex Columns();
}
