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
        List<(string Source, string ExternalId, long ChangedAt, string Facts)> staleFacts;
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            (result, staleFacts) = await LinkStoredItemsAsync(db, okrs, phases, cancellationToken);
        }

        var items = result.Items;
        return (result, Task.Run(() => WriteLinksAsync(items, staleFacts, cancellationToken), cancellationToken));
    }

    private async Task WriteLinksAsync(
        IReadOnlyList<LinkedItem> items, List<(string Source, string ExternalId, long ChangedAt, string Facts)> staleFacts, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await using var tx = await db.Database.BeginTransactionAsync(cancellationToken);
        if (SqliteWorkItemRows.Applies(db))
        {
            SqliteLinkRows.Replace(db, items, cancellationToken);

            // Rows synced before facts were kept, or under another linking configuration: the next report reads them.
            SqliteWorkItemRows.WriteLinkFacts(db, staleFacts, cancellationToken);
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
        return (await LinkStoredItemsAsync(db, okrs, phases: null, cancellationToken)).Result;
    }

    /// <summary>
    /// Links every stored item. On SQLite, when every row holds its link facts under the current configuration's stamp,
    /// from those and the few columns the report reads; otherwise from whole items, and the rows whose facts were
    /// missing or stale come back with their facts, to be stored.
    /// </summary>
    private async Task<(LinkingResult Result, List<(string Source, string ExternalId, long ChangedAt, string Facts)> StaleFacts)> LinkStoredItemsAsync(
        LinkerDbContext db, OkrSet okrs, Reports.BuildPhases? phases, CancellationToken cancellationToken)
    {
        var linker = CreateLinker(okrs); // first, so a bad pattern fails before a million rows are read
        var fieldValues = await ReadFieldValuesAsync(db, cancellationToken);
        List<WorkItem> items;
        List<LinkFacts>? facts = null;
        List<(int Index, long ChangedAt)> stale = [];
        if (SqliteWorkItemRows.Applies(db))
        {
            var stored = await SqliteWorkItemRows.ReadForLinkingAsync(db, linker.Facts.Stamp, linker.Facts.Plain, cancellationToken);
            (items, facts, stale) = (stored.Items, stored.Facts, stored.Stale);
        }
        else
        {
            items = await ReadRowsAsItemsAsync(db, cancellationToken);
        }

        phases?.Mark("load from store");

        facts ??= [.. linker.FactsOf(items)];
        var staleFacts = stale.Select(s => (items[s.Index].Source, items[s.Index].ExternalId, s.ChangedAt, linker.Facts.Encode(facts[s.Index]))).ToList();
        JoinFieldValues(items, facts, fieldValues, linker.Facts);
        var linked = linker.Link(items, facts);
        phases?.Mark("link");
        return (linked, staleFacts);
    }

    /// <summary>The linker of the configured <c>Linking</c> options and each source's KR field name.</summary>
    public WorkItemLinker CreateLinker(OkrSet okrs) => new(options.Value.Linking, okrs, LinkFactsReader.KrFieldNames(options.Value));

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
            items = await ReadRowsAsItemsAsync(db, cancellationToken);
        }

        JoinFieldValues(items, facts: null, fieldValues, reader: null);
        return items;
    }

    // Row by row into items, so the rows of a million-item store are never all held beside the items.
    private static async Task<List<WorkItem>> ReadRowsAsItemsAsync(LinkerDbContext db, CancellationToken cancellationToken)
    {
        var items = new List<WorkItem>();
        var rows = db.WorkItems.AsNoTracking().OrderBy(w => w.Source).ThenBy(w => w.ExternalId).AsAsyncEnumerable();
        await foreach (var row in rows.WithCancellation(cancellationToken))
        {
            items.Add(row.ToItem());
        }

        return items;
    }

    // KR field values from field streams (GitHub Projects v2) join the item's own, after them; with facts, the mentions of
    // the values they add follow the stored ones (those are the row's own).
    private static void JoinFieldValues(
        List<WorkItem> items, List<LinkFacts>? facts, Dictionary<(string Source, string ExternalId), List<string>> fieldValues, LinkFactsReader? reader)
    {
        if (fieldValues.Count == 0)
        {
            return;
        }

        var span = System.Runtime.InteropServices.CollectionsMarshal.AsSpan(items);
        for (var i = 0; i < span.Length; i++)
        {
            var item = span[i];
            if (fieldValues.TryGetValue((item.Source, item.ExternalId), out var extra))
            {
                List<string> added = [.. extra.Where(v => !item.KrValues.Contains(v, StringComparer.OrdinalIgnoreCase))];
                span[i] = item with { KrValues = [.. item.KrValues, .. added] };
                if (facts is not null)
                {
                    facts[i] = reader!.WithFieldValues(facts[i], item.Source, added);
                }
            }
        }
    }

    // KR field values from field streams (GitHub Projects v2) join the item's own field values.
    private static async Task<Dictionary<(string Source, string ExternalId), List<string>>> ReadFieldValuesAsync(
        LinkerDbContext db, CancellationToken cancellationToken)
    {
        var rows = SqliteWorkItemRows.Applies(db)
            ? await SqliteWorkItemRows.ReadFieldValuesAsync(db, cancellationToken)
            : await db.FieldValues.AsNoTracking().ToListAsync(cancellationToken);
        return rows
            .GroupBy(r => (r.Source, r.ExternalId))
            .ToDictionary(
                g => g.Key,
                g => g.SelectMany(r => System.Text.Json.JsonSerializer.Deserialize<string[]>(r.KrValues) ?? []).Distinct(StringComparer.OrdinalIgnoreCase).ToList());
    }
}
