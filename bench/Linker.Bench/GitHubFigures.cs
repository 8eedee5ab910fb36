using System.Globalization;

namespace OkrLinker.Bench;

/// <summary>What the <c>github</c> scenario measured: the reference listing, the first sync and the unchanged re-sync.</summary>
internal sealed record GitHubFigures(
    int Items,
    int ReferenceRequests,
    TimeSpan ReferenceListing,
    TimeSpan ReferenceProcess,
    int SyncRest,
    int SyncGraphQL,
    TimeSpan Sync,
    int ResyncRest,
    int ResyncGraphQL,
    TimeSpan Resync)
{
    /// <summary>okrlinker sync's wall time over octokit.paginate's listing alone (node start not counted).</summary>
    public double Ratio => Sync.TotalSeconds / ReferenceListing.TotalSeconds;

    public string Table() => string.Create(CultureInfo.InvariantCulture, $"""
        | run | items | requests | wall |
        |---|---|---|---|
        | octokit.paginate (listing only; node process {ReferenceProcess.TotalSeconds:F2} s) | {Items:N0} | {ReferenceRequests} | {ReferenceListing.TotalSeconds:F2} s |
        | okrlinker sync, first (store included) | {Items:N0} | {SyncRest + SyncGraphQL} ({SyncRest} REST, {SyncGraphQL} GraphQL) | {Sync.TotalSeconds:F2} s |
        | okrlinker sync, no change | {Items:N0} | {ResyncRest + ResyncGraphQL} ({ResyncRest} REST, {ResyncGraphQL} GraphQL) | {Resync.TotalSeconds:F2} s |
        ratio first sync / octokit.paginate: {Ratio:F2}
        """);
}
