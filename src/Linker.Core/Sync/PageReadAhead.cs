using OkrLinker.Core.Sources;

namespace OkrLinker.Core.Sync;

/// <summary>
/// A source's pages, in order, with the read of the next page under way while the caller commits the
/// current one: a pipeline one page deep, so a scope costs about max(read, commit) a page rather than
/// their sum. At most two pages are held (the one committing and the one being read), so a source of
/// large pages costs no more memory than that. Disposing abandons the read in flight: it is cancelled,
/// awaited and its outcome dropped, since nothing of it was committed.
/// </summary>
internal sealed class PageReadAhead : IAsyncDisposable
{
    private readonly CancellationTokenSource reading;
    private readonly IAsyncEnumerator<WorkItemPage> pages;
    private Task<bool>? pending;

    public PageReadAhead(IWorkItemSource source, SourceScope scope, string? cursor, CancellationToken cancellationToken)
    {
        reading = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        pages = source.ReadAsync(scope, cursor, reading.Token).GetAsyncEnumerator(reading.Token);
    }

    /// <summary>The next page, with the read of the one after it started; null after the last.</summary>
    /// <exception cref="Exception">Whatever the source threw reading that page.</exception>
    public async Task<WorkItemPage?> NextAsync()
    {
        var read = pending ?? pages.MoveNextAsync().AsTask();
        pending = null;
        if (!await read)
        {
            return null;
        }

        var page = pages.Current;
        pending = pages.MoveNextAsync().AsTask();
        return page;
    }

    public async ValueTask DisposeAsync()
    {
        await reading.CancelAsync();
        if (pending is { } abandoned)
        {
            // Read ahead and never committed: whether it ended in a page, a cancellation or an error, it changes nothing.
            await abandoned.ContinueWith(static _ => { }, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        }

        await pages.DisposeAsync();
        reading.Dispose();
    }
}
