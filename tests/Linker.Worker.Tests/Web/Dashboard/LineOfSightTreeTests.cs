using OkrLinker.Worker.Web.Dashboard;

namespace OkrLinker.Worker.Tests.Web.Dashboard;

/// <summary>How a KR's items nest: under their parent when it serves the same KR, a cross-reference under what it names, each item once.</summary>
public sealed class LineOfSightTreeTests
{
    [Fact]
    public void Stories_sit_under_their_epic_and_a_pull_request_under_the_story_it_names()
    {
        var tree = LineOfSightTree.Build(
        [
            Work("jira", "PAY-1", "Explicit", "label kr:O1-KR1", parent: null, points: null),
            Work("jira", "PAY-2", "Inherited", "PAY-1", parent: "PAY-1", points: 3),
            Work("gh", "acme/web#9", "Reference", "PAY-2", parent: null, points: 2),
            Work("jira", "PAY-7", "Explicit", "label kr:O1-KR1", parent: "PAY-99", points: 1), // its parent serves another KR
        ]);

        Assert.Equal(["PAY-1", "PAY-7"], tree.Select(n => n.Work.Key));
        var epic = tree[0];
        Assert.Equal((3, 5.0), (epic.Count, epic.Points));
        var story = Assert.Single(epic.Children);
        Assert.Equal("acme/web#9", Assert.Single(story.Children).Work.Key);
        Assert.Equal(4, tree.Sum(n => n.Count));
    }

    [Fact]
    public void Items_whose_parents_loop_are_each_shown_once()
    {
        var tree = LineOfSightTree.Build(
        [
            Work("jira", "A-1", "Explicit", "label kr:O1-KR1", parent: "A-2", points: 1),
            Work("jira", "A-2", "Explicit", "label kr:O1-KR1", parent: "A-1", points: 2),
        ]);

        var root = Assert.Single(tree);
        Assert.Equal((2, 3.0), (root.Count, root.Points));
    }

    private static LinkedWork Work(string source, string key, string reason, string? via, string? parent, double? points) =>
        new("O1-KR1", reason, via, source, key, key, $"Title of {key}", null, "Story", "Open", "InProgress", "payments", null, parent, points);
}
