namespace OkrLinker.Fakes.GitHub.GraphQL.Nodes;

internal sealed record RateLimitView(int Limit, int Remaining, int Used, DateTimeOffset ResetAt, int Cost);
