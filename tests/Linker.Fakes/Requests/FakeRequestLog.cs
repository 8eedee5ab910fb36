namespace OkrLinker.Fakes;

/// <summary>Every request the fake GitHub or Jira answered (or dropped), in arrival order. Thread-safe.</summary>
public sealed class FakeRequestLog : FakeJournal<FakeRequest>
{
    /// <summary>The entries whose method and path match a route pattern (see <see cref="FakeRoute"/>).</summary>
    public IReadOnlyList<FakeRequest> Matching(string route) =>
        Where(entry => FakeRoute.Matches(route, entry.Method, FakeGitHubPaths.Normalize(entry.Path)));
}
