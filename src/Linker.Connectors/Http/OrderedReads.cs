namespace OkrLinker.Connectors.Http;

/// <summary>
/// Reads run up to <c>concurrency</c> at a time and handed out in the order given, so a source can fetch
/// pages ahead while each page's cursor is still worked out one after the other. Disposing cancels the
/// reads not handed out, waits for them and disposes what they returned: none of it was used.
/// </summary>
internal sealed class OrderedReads<T> : IAsyncDisposable
    where T : class
{
    private readonly IEnumerator<Func<CancellationToken, Task<T>>> reads;
    private readonly int concurrency;
    private readonly CancellationTokenSource stop;
    private readonly Queue<Task<T>> window = new();

    public OrderedReads(IEnumerable<Func<CancellationToken, Task<T>>> reads, int concurrency, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reads);
        this.reads = reads.GetEnumerator();
        this.concurrency = Math.Max(1, concurrency);
        stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
    }

    /// <summary>The next read's result (the caller's to dispose, when disposable); null after the last.</summary>
    public async Task<T?> NextAsync()
    {
        while (window.Count < concurrency && reads.MoveNext())
        {
            window.Enqueue(reads.Current(stop.Token));
        }

        return window.Count == 0 ? null : await window.Dequeue();
    }

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync();
        while (window.Count > 0)
        {
            var read = window.Dequeue();
            await read.ContinueWith(static _ => { }, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
            if (read.IsCompletedSuccessfully && read.Result is IDisposable unused)
            {
                unused.Dispose();
            }
        }

        reads.Dispose();
        stop.Dispose();
    }
}
