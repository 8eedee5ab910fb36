using OkrLinker.Connectors.Http;

namespace OkrLinker.Connectors.AzureDevOps;

/// <summary>
/// A project scope's cursor. <see cref="Mark"/> is the newest <c>System.ChangedDate</c> up to which every work
/// item in WIQL order (ChangedDate, Id) has been committed; the next query starts at Mark, cut to the second,
/// minus the overlap. <see cref="Seen"/> is what was committed inside that window, by (id, rev): those copies are
/// excluded from the query, so an unchanged window costs no work item reads, while a newer revision of any of
/// them is read again.
/// </summary>
internal sealed record AzureDevOpsCursor(DateTimeOffset? Mark, IReadOnlyList<AzureDevOpsSeen> Seen)
{
    public static AzureDevOpsCursor Empty { get; } = new(null, []);

    public static AzureDevOpsCursor Parse(string? text) => CursorJson.Parse(text, Empty);

    public override string ToString() => CursorJson.Write(this);
}

/// <summary>One committed copy of a work item: its id, revision and change time.</summary>
internal sealed record AzureDevOpsSeen(int Id, int Rev, DateTimeOffset Changed);
