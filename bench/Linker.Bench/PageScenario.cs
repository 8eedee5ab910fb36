using System.Diagnostics;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using OkrLinker.Connectors.Files;
using OkrLinker.Core.Configuration;
using OkrLinker.Core.Sources;
using OkrLinker.Core.Sync;

namespace OkrLinker.Bench;

/// <summary>
/// One page of N items through the sync engine, in phases, so the figures say where ingest time goes:
/// parsing the CSV, the first commit (all inserts), an unchanged re-read, a re-read with 1 % changed,
/// and the same N items as pages of 100 (the size of a tracker's API page).
/// </summary>
internal static class PageScenario
{
    public static async Task RunAsync(int count, int seed, TextWriter output, CancellationToken cancellationToken)
    {
        var csv = Path.Combine(Directory.CreateTempSubdirectory("okrlinker-bench-page-").FullName, "backlog.csv");
        BenchItems.WriteCsv(csv, count, seed);

        var clock = Stopwatch.StartNew();
        var parser = new CsvWorkItemParser(new SourceOptions { Name = "csv", Kind = "files" }, TeamResolver.Empty);
        IReadOnlyList<Core.Items.WorkItem> items;
        using (var reader = new StreamReader(csv))
        {
            items = parser.Parse(reader, "backlog.csv");
        }

        Directory.Delete(Path.GetDirectoryName(csv)!, recursive: true);
        var phases = new List<(string Phase, TimeSpan Took, ScopeSyncResult? Result)> { ("parse CSV", clock.Elapsed, null) };

        using (var store = await BenchStore.CreateAsync(cancellationToken))
        {
            var engine = new SyncEngine(store, TimeProvider.System, NullLogger<SyncEngine>.Instance);
            var source = new OnePageSource(items);
            store.TakeSaveChangesTime();
            phases.Add(await TimeAsync("one page, first commit (inserts)", engine, source, cancellationToken));
            phases.Add(("  of which SaveChanges (on SQLite only the scope row: items go by the direct path)", store.TakeSaveChangesTime(), null));
            phases.Add(await TimeAsync("one page, unchanged re-read", engine, source, cancellationToken));
            phases.Add(("  of which SaveChanges (scope row only)", store.TakeSaveChangesTime(), null));
            phases.Add((LookupPhase, await TimeLookupAsync(store, items, cancellationToken), null));
            source.Items = [.. items.Select((item, i) => i % 100 == 0 ? item with { Title = item.Title + " (renamed)", Updated = item.Updated.AddMinutes(1) } : item)];
            phases.Add(await TimeAsync("one page, 1 % changed", engine, source, cancellationToken));
        }

        using (var store = await BenchStore.CreateAsync(cancellationToken))
        {
            var engine = new SyncEngine(store, TimeProvider.System, NullLogger<SyncEngine>.Instance);
            var source = new PagedSource(items, 100);
            phases.Add(await TimeAsync("pages of 100, first commit (inserts)", engine, source, cancellationToken));
            phases.Add(await TimeAsync("pages of 100, unchanged re-read", engine, source, cancellationToken));
        }

        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"{count:N0} items (seed {seed})"));
        await output.WriteLineAsync("| phase | wall | items/s | inserted | updated | unchanged |\n|---|---|---|---|---|---|");
        foreach (var (phase, took, result) in phases)
        {
            await output.WriteLineAsync(string.Create(
                CultureInfo.InvariantCulture,
                $"| {phase} | {took.TotalSeconds:F2} s | {count / took.TotalSeconds:N0} | {result?.Inserted} | {result?.Updated} | {result?.Unchanged} |"));
        }

        using var self = Process.GetCurrentProcess();
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"peak working set {self.PeakWorkingSet64 / (1024.0 * 1024.0):N0} MB"));
    }

    private const string LookupPhase = "the re-read's lookup alone (500 ids a query, tracked)";

    // What the engine's lookup costs on its own: the stored rows of every item, read and tracked as a commit does.
    private static async Task<TimeSpan> TimeLookupAsync(BenchStore store, IReadOnlyList<Core.Items.WorkItem> items, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        await using var db = store.CreateDbContext();
        var found = 0;
        foreach (var chunk in items.Select(i => i.ExternalId).Chunk(500))
        {
            found += (await db.WorkItems.Where(w => w.Source == "csv" && chunk.Contains(w.ExternalId)).ToListAsync(cancellationToken)).Count;
        }

        return found == items.Count ? clock.Elapsed : throw new InvalidOperationException($"the lookup found {found} of {items.Count} rows");
    }

    private static async Task<(string, TimeSpan, ScopeSyncResult?)> TimeAsync(string phase, SyncEngine engine, IWorkItemSource source, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var result = await engine.SyncScopeAsync(source, new SourceScope("csv", OnePageSource.ScopeId), full: true, progress: null, cancellationToken);
        if (result.Error is not null)
        {
            throw new InvalidOperationException($"{phase}: {result.Error}");
        }

        return (phase, clock.Elapsed, result);
    }
}
