using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using OkrLinker.Core.Store;
using OkrLinker.Worker.Scheduling;

namespace OkrLinker.Worker.Webhooks;

/// <summary>
/// The accepted deliveries in the store (<c>webhook_deliveries</c>): the replay check holds across the nodes of a
/// cluster because the delivery id is the table's key, so only the first insert of an id succeeds anywhere. Rows older
/// than <see cref="WorkerOptions.WebhookReplayWindow"/> are dropped as new ones arrive.
/// </summary>
internal sealed class WebhookDeliveryStore(IDbContextFactory<LinkerDbContext> dbFactory, IOptions<WorkerOptions> worker, TimeProvider time)
{
    /// <summary>Records the delivery; false when its id was recorded before (a replay).</summary>
    public async Task<bool> TryRecordAsync(string source, string deliveryId, string eventName, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (await db.WebhookDeliveries.AnyAsync(d => d.Source == source && d.DeliveryId == deliveryId, cancellationToken))
        {
            return false;
        }

        db.WebhookDeliveries.Add(new WebhookDeliveryRow { Source = source, DeliveryId = deliveryId, Event = eventName, ReceivedAt = now });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Two nodes took the same delivery at once: the key let one insert through.
            await using var check = await dbFactory.CreateDbContextAsync(cancellationToken);
            if (await check.WebhookDeliveries.AnyAsync(d => d.Source == source && d.DeliveryId == deliveryId, cancellationToken))
            {
                return false;
            }

            throw;
        }

        var expired = now - worker.Value.WebhookReplayWindow;
        await db.WebhookDeliveries.Where(d => d.Source == source && d.ReceivedAt < expired).ExecuteDeleteAsync(cancellationToken);
        return true;
    }

    /// <summary>Forgets a delivery whose sync could not be asked for, so the tracker's retry is taken.</summary>
    public async Task ForgetAsync(string source, string deliveryId, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await db.WebhookDeliveries.Where(d => d.Source == source && d.DeliveryId == deliveryId).ExecuteDeleteAsync(cancellationToken);
    }

    /// <summary>The newest recorded delivery of each source that has one.</summary>
    public static async Task<IReadOnlyDictionary<string, LastWebhook>> LastAsync(LinkerDbContext db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var newest = await db.WebhookDeliveries.AsNoTracking()
            .GroupBy(d => d.Source)
            .Select(g => new { Source = g.Key, At = g.Max(d => d.ReceivedAt) })
            .ToListAsync(cancellationToken);
        var last = new Dictionary<string, LastWebhook>(StringComparer.OrdinalIgnoreCase);
        foreach (var row in newest)
        {
            var eventName = await db.WebhookDeliveries.AsNoTracking()
                .Where(d => d.Source == row.Source && d.ReceivedAt == row.At)
                .Select(d => d.Event).FirstAsync(cancellationToken);
            last[row.Source] = new LastWebhook(row.At, eventName);
        }

        return last;
    }
}
