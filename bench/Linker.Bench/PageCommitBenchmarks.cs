using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.Logging.Abstractions;
using OkrLinker.Core.Items;
using OkrLinker.Core.Sources;
using OkrLinker.Core.Sync;

namespace OkrLinker.Bench;

/// <summary>
/// BenchmarkDotNet figures of a page commit of the files source's page size on SQLite, by the direct
/// path (prepared statements) and by EF Core (the path of every other provider).
/// </summary>
[MemoryDiagnoser]
public class PageCommitBenchmarks
{
    private IReadOnlyList<WorkItem> page = [];
    private BenchStore? store;

    [Params(true, false)]
    public bool DirectSqlite { get; set; }

    [GlobalSetup]
    public void Setup() => page = BenchItems.Parse(BenchItems.CsvBytes(BenchItems.PageSize, seed: 47));

    [IterationSetup(Targets = [nameof(CommitNewPage)])]
    public void FreshStore()
    {
        store?.Dispose();
        store = BenchStore.CreateAsync(CancellationToken.None).GetAwaiter().GetResult();
    }

    /// <summary>A 10,000-item page into an empty store: every item an insert.</summary>
    [Benchmark]
    public Task<int> CommitNewPage() => CommitAsync();

    [IterationSetup(Targets = [nameof(CommitUnchangedPage)])]
    public void StoredStore()
    {
        if (store is null)
        {
            FreshStore();
            CommitAsync().GetAwaiter().GetResult();
        }
    }

    /// <summary>The same page read again: every item looked up and compared, nothing written.</summary>
    [Benchmark]
    public Task<int> CommitUnchangedPage() => CommitAsync();

    [GlobalCleanup]
    public void Cleanup() => store?.Dispose();

    private async Task<int> CommitAsync()
    {
        var engine = new SyncEngine(store!, TimeProvider.System, NullLogger<SyncEngine>.Instance) { DirectSqlite = DirectSqlite };
        var result = await engine.SyncScopeAsync(new OnePageSource(page), new SourceScope("csv", OnePageSource.ScopeId), full: false, progress: null, CancellationToken.None);
        return result.Error is null ? result.Read : throw new InvalidOperationException(result.Error);
    }
}
