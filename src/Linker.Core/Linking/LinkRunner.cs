using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using OkrLinker.Core.Configuration;
using OkrLinker.Core.Okrs;
using OkrLinker.Core.Store;

namespace OkrLinker.Core.Linking;

/// <summary>Links every stored item and replaces the stored links with the result, in one transaction.</summary>
public sealed class LinkRunner(IDbContextFactory<LinkerDbContext> dbFactory, IOptions<LinkerOptions> options)
{
    public async Task<LinkingResult> LinkAsync(OkrSet okrs, CancellationToken cancellationToken)
    {
        var linker = new WorkItemLinker(options.Value.Linking, okrs);

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var rows = await db.WorkItems.AsNoTracking()
            .OrderBy(w => w.Source).ThenBy(w => w.ExternalId)
            .ToListAsync(cancellationToken);
        var result = linker.Link(rows.Select(r => r.ToItem()).ToList());

        await using var tx = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.Links.ExecuteDeleteAsync(cancellationToken);
        db.Links.AddRange(result.Items.SelectMany(i => i.Links.Select(l => new LinkRow
        {
            Source = i.Item.Source,
            ExternalId = i.Item.ExternalId,
            KrId = l.KrId,
            Reason = l.Reason.ToString(),
            Via = l.Via,
        })));
        await db.SaveChangesAsync(cancellationToken);
        await tx.CommitAsync(cancellationToken);
        return result;
    }
}
