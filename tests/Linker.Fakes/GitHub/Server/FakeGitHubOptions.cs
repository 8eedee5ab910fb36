namespace OkrLinker.Fakes;

/// <summary>How a <see cref="FakeGitHub"/> behaves; every member has a working default.</summary>
public sealed record FakeGitHubOptions
{
    /// <summary>GitHub's GraphQL SDL; default <c>../shared/conformance/github/graphql-schema.graphql</c> beside the clone.</summary>
    public string? SchemaPath { get; init; }

    /// <summary>The only accepted token; default a fresh random <c>ghp_…</c> value per server.</summary>
    public string? Token { get; init; }

    public string ViewerLogin { get; init; } = "okr-linker-bot";

    /// <summary>The REST (core) budget per window.</summary>
    public int CoreLimit { get; init; } = 5000;

    /// <summary>The GraphQL budget (points) per window; each query costs 1.</summary>
    public int GraphQLLimit { get; init; } = 5000;

    /// <summary>Budgets refill when this much time has passed (<c>X-RateLimit-Reset</c>).</summary>
    public TimeSpan RateLimitWindow { get; init; } = TimeSpan.FromHours(1);

    /// <summary>A delay before every answer, as a network round trip to GitHub would add; default none (benchmarks set it).</summary>
    public TimeSpan Latency { get; init; } = TimeSpan.Zero;

    /// <summary>The clock for rate-limit windows, reset epochs and log timestamps.</summary>
    public TimeProvider Clock { get; init; } = TimeProvider.System;
}
