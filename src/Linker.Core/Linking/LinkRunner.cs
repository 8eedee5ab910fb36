using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using OkrLinker.Core.Configuration;
using OkrLinker.Core.Items;
using OkrLinker.Core.Okrs;
using OkrLinker.Core.Store;

namespace OkrLinker.Core.Linking;

/// <summary>Links every stored item and replaces the stored links with the result, in one transaction.</summary>
public sealed class LinkRunner(IDbContextFactory<LinkerDbContext> dbFactory, IOptions<LinkerOptions> options)
{
    public Task<LinkingResult> LinkAsync(OkrSet okrs, CancellationToken cancellationToken) => LinkAsync(okrs, phases: null, cancellationToken);

    internal async Task<LinkingResult> LinkAsync(OkrSet okrs, Reports.BuildPhases? phases, CancellationToken cancellationToken)
    {
        var (result, writing) = await LinkAndStartWritingAsync(okrs, phases, cancellationToken);
        await writing;
        phases?.Mark("write links");
        return result;
    }

    /// <summary>
    /// Links every stored item, then starts replacing the stored links on a connection of their own: the report works
    /// out its figures meanwhile. The task ends when the links are committed (one transaction) and fails when they
    /// could not be: await it before the build ends, also when the build fails.
    /// </summary>
    internal async Task<(LinkingResult Result, Task Written)> LinkAndStartWritingAsync(
        OkrSet okrs, Reports.BuildPhases? phases, CancellationToken cancellationToken)
    {
        LinkingResult result;
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            result = await LinkStoredItemsAsync(db, okrs, phases, cancellationToken);
        }

        var items = result.Items;
        return (result, Task.Run(() => WriteLinksAsync(items, cancellationToken), cancellationToken));
    }

    private async Task WriteLinksAsync(IReadOnlyList<LinkedItem> items, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await using var tx = await db.Database.BeginTransactionAsync(cancellationToken);
        if (SqliteWorkItemRows.Applies(db))
        {
            SqliteLinkRows.Replace(db, items, cancellationToken);
        }
        else
        {
            await db.Links.ExecuteDeleteAsync(cancellationToken);
            db.Links.AddRange(items.SelectMany(i => i.Links.Select(l => new LinkRow
            {
                Source = i.Item.Source,
                ExternalId = i.Item.ExternalId,
                KrId = l.KrId,
                Reason = l.Reason.ToString(),
                Via = l.Via,
            })));
            await db.SaveChangesAsync(cancellationToken);
        }

        await tx.CommitAsync(cancellationToken);
    }

    /// <summary>Links every stored item without storing the links: for questions such as <c>explain</c>.</summary>
    public async Task<LinkingResult> ReadLinksAsync(OkrSet okrs, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await LinkStoredItemsAsync(db, okrs, phases: null, cancellationToken);
    }

    private async Task<LinkingResult> LinkStoredItemsAsync(LinkerDbContext db, OkrSet okrs, Reports.BuildPhases? phases, CancellationToken cancellationToken)
    {
        var linker = CreateLinker(okrs); // first, so a bad pattern fails before a million rows are read
        var items = await ReadItemsAsync(db, cancellationToken);
        phases?.Mark("load from store");
        var linked = linker.Link(items);
        phases?.Mark("link");
        return linked;
    }

    /// <summary>The linker of the configured <c>Linking</c> options and each source's KR field name.</summary>
    public WorkItemLinker CreateLinker(OkrSet okrs)
    {
        var krFields = options.Value.Sources
            .Where(s => !string.IsNullOrWhiteSpace(s.Name))
            .GroupBy(s => s.Name, StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => g.First().Fields.KeyResult, StringComparer.OrdinalIgnoreCase);
        return new WorkItemLinker(options.Value.Linking, okrs, krFields);
    }

    /// <summary>Every stored item with the KR field values of its field streams, in (source, external id) order.</summary>
    public async Task<IReadOnlyList<WorkItem>> ReadItemsAsync(CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await ReadItemsAsync(db, cancellationToken);
    }

    private static async Task<List<WorkItem>> ReadItemsAsync(LinkerDbContext db, CancellationToken cancellationToken)
    {
        var fieldValues = await ReadFieldValuesAsync(db, cancellationToken);
        List<WorkItem> items;
        if (SqliteWorkItemRows.Applies(db))
        {
            items = await SqliteWorkItemRows.ReadAllItemsAsync(db, cancellationToken);
        }
        else
        {
            // Row by row into items, so the rows of a million-item store are never all held beside the items.
            items = [];
            await foreach (var item in ReadRowsAsItemsAsync(db, cancellationToken))
            {
                items.Add(item);
            }
        }

        if (fieldValues.Count > 0)
        {
            var span = System.Runtime.InteropServices.CollectionsMarshal.AsSpan(items);
            for (var i = 0; i < span.Length; i++)
            {
                var item = span[i];
                if (fieldValues.TryGetValue((item.Source, item.ExternalId), out var extra))
                {
                    span[i] = item with { KrValues = [.. item.KrValues, .. extra.Where(v => !item.KrValues.Contains(v, StringComparer.OrdinalIgnoreCase))] };
                }
            }
        }

        return items;
    }

    private static async IAsyncEnumerable<WorkItem> ReadRowsAsItemsAsync(
        LinkerDbContext db, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var rows = db.WorkItems.AsNoTracking().OrderBy(w => w.Source).ThenBy(w => w.ExternalId).AsAsyncEnumerable();
        await foreach (var row in rows.WithCancellation(cancellationToken))
        {
            yield return row.ToItem();
        }
    }

    // KR field values from field streams (GitHub Projects v2) join the item's own field values.
    private static async Task<Dictionary<(string Source, string ExternalId), List<string>>> ReadFieldValuesAsync(
        LinkerDbContext db, CancellationToken cancellationToken)
    {
        var rows = await db.FieldValues.AsNoTracking().ToListAsync(cancellationToken);
        return rows
            .GroupBy(r => (r.Source, r.ExternalId))
            .ToDictionary(
                g => g.Key,
                g => g.SelectMany(r => System.Text.Json.JsonSerializer.Deserialize<string[]>(r.KrValues) ?? []).Distinct(StringComparer.OrdinalIgnoreCase).ToList());
    }
}
