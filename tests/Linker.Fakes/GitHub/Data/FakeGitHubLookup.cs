namespace OkrLinker.Fakes.GitHub.Data;

/// <summary>What a repo and number point at: the item, a deleted item (410), a transferred one (301) or nothing.</summary>
internal abstract record FakeGitHubLookup
{
    public sealed record Found(FakeGitHubItem Item) : FakeGitHubLookup;

    public sealed record Deleted : FakeGitHubLookup;

    public sealed record Moved(string Repo, int Number) : FakeGitHubLookup;

    public sealed record Missing : FakeGitHubLookup;

    public sealed record NoRepo : FakeGitHubLookup;
}
