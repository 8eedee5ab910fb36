using OkrLinker.Connectors.Http;

namespace OkrLinker.Connectors.GitHub;

/// <summary>
/// A repo scope's cursor: where the next incremental read starts (<see cref="Since"/>, already
/// moved back by the overlap) and the ETag of the change probe taken when the last complete run began.
/// Within a first read by page number, <see cref="Page"/> is the last committed page and <see cref="ReadFrom"/>
/// the <c>since</c> that read will end with (its start less the overlap); <see cref="Since"/> is null until it ends.
/// </summary>
internal sealed record GitHubCursor(DateTimeOffset? Since, string? ProbeEtag, int? Page = null, DateTimeOffset? ReadFrom = null)
{
    private static readonly GitHubCursor Start = new(null, null);

    public static GitHubCursor Parse(string? text) => CursorJson.Parse(text, Start);

    public override string ToString() => CursorJson.Write(this);
}
