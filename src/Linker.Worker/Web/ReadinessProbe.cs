using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OkrLinker.Core.Configuration;
using OkrLinker.Core.Store;
using OkrLinker.Worker.Webhooks;

namespace OkrLinker.Worker.Web;

/// <summary>
/// What /readyz answers: the store must answer a query within <see cref="StoreTimeout"/> and every configured
/// source must be fresh (<see cref="SourceFreshness"/>). The source rows are read from the store, so every node
/// of a scale-out agrees.
/// </summary>
internal sealed partial class ReadinessProbe(
    IDbContextFactory<LinkerDbContext> dbFactory,
    IOptions<LinkerOptions> options,
    TimeProvider time,
    ProcessStartTime start,
    ILogger<ReadinessProbe> logger)
{
    // A probe that hangs is worse than one that fails: orchestrators time out at a few seconds.
    public static readonly TimeSpan StoreTimeout = TimeSpan.FromSeconds(3);

    public async Task<ReadinessReport> CheckAsync(CancellationToken cancellationToken)
    {
        var configured = options.Value.Sources;
        var (store, rows, webhooks) = await ReadSourceRowsAsync(cancellationToken);
        if (!store.Ok)
        {
            return ReadinessReport.Of(store, [.. configured.Select(s => new SourceReadiness(
                s.Name, s.Kind, null, null, null, null, false, $"source '{s.Name}': the store could not be read"))]);
        }

        var now = time.GetUtcNow();
        var sources = configured.Select(s => SourceFreshness.Judge(s, rows.GetValueOrDefault(s.Name), now, start.At) with
        {
            Webhook = s.Webhook.IsOn ? WebhookOf(webhooks.GetValueOrDefault(s.Name), now) : null,
        }).ToList();
        foreach (var unready in sources.Where(s => !s.Ready))
        {
            LogSourceUnready(unready.Name, unready.Reason);
        }

        return ReadinessReport.Of(store, sources);
    }

    private static WebhookReadiness WebhookOf(LastWebhook? last, DateTimeOffset now) =>
        last is null ? new WebhookReadiness(null, null, null) : new WebhookReadiness(last.At, last.Event, (long)Math.Floor(Math.Max(0, (now - last.At).TotalSeconds)));

    private async Task<(StoreHealth Store, Dictionary<string, SourceRow> Rows, IReadOnlyDictionary<string, LastWebhook> Webhooks)> ReadSourceRowsAsync(CancellationToken cancellationToken)
    {
        using var timeout = new CancellationTokenSource(StoreTimeout, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        try
        {
            await using var db = await dbFactory.CreateDbContextAsync(linked.Token);
            var rows = await db.Sources.AsNoTracking().ToListAsync(linked.Token);
            var byName = new Dictionary<string, SourceRow>(StringComparer.OrdinalIgnoreCase);
            foreach (var row in rows)
            {
                byName[row.Name] = row;
            }

            var webhooks = options.Value.Sources.Any(s => s.Webhook.IsOn)
                ? await WebhookDeliveryStore.LastAsync(db, linked.Token)
                : new Dictionary<string, LastWebhook>();
            return (new StoreHealth(true, null), byName, webhooks);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            var error = $"the store did not answer within {StoreTimeout.TotalSeconds:0} s";
            LogStoreUnreachable(error);
            return (new StoreHealth(false, error), [], new Dictionary<string, LastWebhook>());
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The message of a database error names the failure, never the connection string's secrets.
            var error = $"{ex.GetType().Name}: {ex.Message}";
            LogStoreUnreachable(error);
            return (new StoreHealth(false, error), [], new Dictionary<string, LastWebhook>());
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Readiness: the store is unreachable: {Error}")]
    private partial void LogStoreUnreachable(string error);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Readiness: source {Source} is unready: {Reason}")]
    private partial void LogSourceUnready(string source, string? reason);
}
