using System.Text.Json;
using OkrLinker.Fakes;

namespace OkrLinker.Worker.Tests.GitHub;

/// <summary>
/// A tagged tracking issue deleted on GitHub stops passing its KR on after <c>sync --full</c>, while one
/// closed as not planned still does (DESIGN.md §7). The fake keeps the children's <c>parent_issue_url</c>
/// pointing at the deleted issue, the harder case: only the sweep's gone mark can break the chain.
/// </summary>
public sealed class GitHubDeletionLinkingTests
{
    [Fact]
    public async Task Sub_issues_of_a_deleted_epic_are_unlinked_and_those_of_an_epic_closed_as_not_planned_still_inherit()
    {
        var data = new FakeGitHubData("acme");
        data.AddRepo("web");
        data.Add("web", "Onboarding checklist", shape: i => i with { Labels = ["kr:O1-KR1"] });                // #1
        data.Add("web", "Checklist: first step", shape: i => i with { ParentNumber = 1 });                     // #2
        data.Add("web", "Checklist: progress bar", shape: i => i with { ParentNumber = 1 });                   // #3
        data.Add("web", "Progress bar colours", shape: i => i with { ParentNumber = 2 });                      // #4
        data.Add("web", "Faster first value", shape: i => i with { Labels = ["kr:O1-KR2"] });                  // #5
        data.Add("web", "Sample project on sign-up", shape: i => i with { ParentNumber = 5 });                 // #6
        data.Add("web", "Checklist UI", pullRequest: true, shape: i => i with { Body = "Closes #1" });         // #7
        await using var gh = await GitHubHarness.StartAsync(data, ["web"]);
        Assert.Equal(0, (await gh.SyncAsync()).ExitCode);
        Assert.Equal((5, 2), await KrItemCountsAsync(gh));

        data.Delete("web", 1);
        data.Update("web", 5, i => i with { State = "closed", StateReason = "not_planned", ClosedAt = i.UpdatedAt });
        Assert.Equal(0, (await gh.SyncAsync("--full")).ExitCode);

        // O1-KR1 keeps nothing; O1-KR2 keeps #6 (its epic #5 is Removed, so it counts no more itself).
        Assert.Equal((0, 1), await KrItemCountsAsync(gh));
        var child = await gh.Config.RunAsync("explain", "acme/web#2");
        Assert.Contains("acme/web#2 is unlinked: nothing links it to a KR of 2026-Q4.", child.Out, StringComparison.Ordinal);
        Assert.Contains("Its parent acme/web#1 is gone from the tracker (not returned since ", child.Out, StringComparison.Ordinal);
        var grandchild = await gh.Config.RunAsync("explain", "acme/web#4");
        Assert.Contains("Its parent chain (acme/web#2) carries no KR, and acme/web#1 above it is gone from the tracker", grandchild.Out, StringComparison.Ordinal);
        var pr = await gh.Config.RunAsync("explain", "acme/web#7");
        Assert.Contains("It names #1 in its body, and acme/web#1 is gone from the tracker", pr.Out, StringComparison.Ordinal);
        var survivor = await gh.Config.RunAsync("explain", "acme/web#6");
        Assert.Contains("acme/web#6 inherits O1-KR2 from its parent acme/web#5 (label kr:O1-KR2).", survivor.Out, StringComparison.Ordinal);
    }

    // Each KR's line-of-sight (every linked item that is not Removed, whatever the week) from a fresh report.
    private static async Task<(int O1Kr1, int O1Kr2)> KrItemCountsAsync(GitHubHarness gh)
    {
        var run = await gh.Config.RunAsync("report", "--format", "json");
        Assert.Equal(0, run.ExitCode);
        using var json = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(gh.Config.OutFolder, "report-2026-W47.json")));
        var krs = json.RootElement.GetProperty("objectives").EnumerateArray()
            .SelectMany(o => o.GetProperty("keyResults").EnumerateArray())
            .ToDictionary(kr => kr.GetProperty("id").GetString()!, kr => kr.GetProperty("items").GetProperty("total").GetInt32());
        return (krs["O1-KR1"], krs["O1-KR2"]);
    }
}
