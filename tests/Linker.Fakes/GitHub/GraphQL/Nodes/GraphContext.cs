namespace OkrLinker.Fakes.GitHub.GraphQL.Nodes;

/// <summary>What resolvers need: the data, URL roots for <c>url</c> fields, the viewer and the rate-limit state after this query's cost.</summary>
internal sealed record GraphContext(FakeGitHubData Data, string HtmlRoot, string ViewerLogin, RateLimitView RateLimit);
