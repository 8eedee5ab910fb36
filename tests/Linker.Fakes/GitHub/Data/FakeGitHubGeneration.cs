namespace OkrLinker.Fakes;

/// <summary>The knobs of <see cref="FakeGitHubData.Generate"/>; the defaults give the mix the benchmarks use.</summary>
public sealed record FakeGitHubGeneration
{
    public double PullRequestShare { get; init; } = 0.2;

    public double ClosedShare { get; init; } = 0.6;

    /// <summary>The share of items in the project with a Key Result value.</summary>
    public double ProjectShare { get; init; } = 0.05;

    /// <summary>The data set's "now": every generated timestamp lies before it.</summary>
    public DateTimeOffset Now { get; init; } = FakeGitHubData.DefaultNow;

    /// <summary>How far back created_at reaches.</summary>
    public TimeSpan Span { get; init; } = TimeSpan.FromDays(84);
}
