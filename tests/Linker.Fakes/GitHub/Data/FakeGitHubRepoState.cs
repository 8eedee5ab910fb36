namespace OkrLinker.Fakes.GitHub.Data;

/// <summary>One repo's mutable state; guarded by the owning <see cref="FakeGitHubData"/>'s lock.</summary>
internal sealed class FakeGitHubRepoState(FakeGitHubRepo repo)
{
    public FakeGitHubRepo Repo { get; set; } = repo;

    public SortedDictionary<int, FakeGitHubItem> Items { get; } = [];

    public HashSet<int> Deleted { get; } = [];

    public Dictionary<int, (string Repo, int Number)> Moved { get; } = [];

    public int NextNumber { get; set; } = 1;

    /// <summary>Labels created in the repo (<c>POST /repos/{o}/{r}/labels</c>); those on items exist too.</summary>
    public HashSet<string> Labels { get; } = new(StringComparer.OrdinalIgnoreCase);
}
