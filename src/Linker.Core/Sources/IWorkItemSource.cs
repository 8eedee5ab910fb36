namespace OkrLinker.Core.Sources;

/// <summary>
/// A connector plugin (DESIGN.md §6). A source splits its items into scopes and, for one scope and
/// the cursor stored after the last committed page, yields the pages that follow, each with the
/// cursor to store once that page is committed.
/// </summary>
/// <remarks>
/// How it fails: a problem the user must fix (a missing token, a rejected credential, a folder that
/// is not there) throws <see cref="SourceException"/> with a message that names the source and what
/// to change, without retrying. Cancellation throws <see cref="OperationCanceledException"/>. Anything
/// else is a fault of the source that the sync engine records against the scope; the pages committed
/// before it stay committed.
/// </remarks>
public interface IWorkItemSource
{
    /// <summary>The configured source name.</summary>
    string Name { get; }

    /// <summary>The scopes this source syncs, each with its own cursor and job.</summary>
    Task<IReadOnlyList<SourceScope>> GetScopesAsync(CancellationToken cancellationToken);

    /// <summary>
    /// The pages after <paramref name="cursor"/>; null reads from the start. An empty sequence means
    /// nothing changed since the cursor.
    /// </summary>
    IAsyncEnumerable<WorkItemPage> ReadAsync(SourceScope scope, string? cursor, CancellationToken cancellationToken);
}
