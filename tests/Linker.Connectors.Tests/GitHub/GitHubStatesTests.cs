using OkrLinker.Connectors.GitHub;
using OkrLinker.Core.Items;

namespace OkrLinker.Connectors.Tests.GitHub;

public sealed class GitHubStatesTests
{
    [Theory]
    // issues
    [InlineData(false, "open", true, null, false, "open", StateCategory.InProgress)]
    [InlineData(false, "open", false, null, false, "open", StateCategory.ToDo)]
    [InlineData(false, "closed", false, "completed", false, "closed", StateCategory.Done)]
    [InlineData(false, "closed", true, null, false, "closed", StateCategory.Done)] // closed before GitHub kept a reason
    [InlineData(false, "closed", false, "not_planned", false, "closed", StateCategory.Removed)]
    [InlineData(false, "closed", false, "duplicate", false, "closed", StateCategory.Removed)]
    // pull requests
    [InlineData(true, "open", false, null, false, "open", StateCategory.InProgress)]
    [InlineData(true, "closed", false, null, true, "merged", StateCategory.Done)]
    [InlineData(true, "closed", false, null, false, "closed", StateCategory.Removed)]
    public void Category_table_follows_the_design(
        bool isPullRequest, string state, bool assigned, string? reason, bool merged, string expectedState, StateCategory expected)
    {
        var (actualState, category) = GitHubStates.Of(isPullRequest, state, assigned, reason, merged);

        Assert.Equal(expectedState, actualState);
        Assert.Equal(expected, category);
    }
}
