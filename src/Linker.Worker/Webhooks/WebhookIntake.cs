using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OkrLinker.Core.Configuration;
using OkrLinker.Core.Items;
using OkrLinker.Core.Store;
using OkrLinker.Worker.Scheduling;
using OkrLinker.Worker.Telemetry;
using OkrLinker.Worker.Web;
using Quartz;

namespace OkrLinker.Worker.Webhooks;

/// <summary>
/// Takes one delivery to <c>/hooks/{kind}/{source}</c>: off (404) unless the source of that kind names a webhook
/// secret; 413 past <see cref="MaxBody"/>, read in chunks so a large body is never held whole; 401 unless it proves the
/// secret, and nothing else happens; a replayed delivery id is answered 200 and ignored. Otherwise the items it names
/// as deleted are marked Removed at once, and each scope it touches gets a debounced sync through Quartz.
/// </summary>
internal sealed partial class WebhookIntake(
    IOptions<LinkerOptions> options,
    SecretReader secrets,
    WebhookDeliveryStore deliveries,
    ISchedulerFactory schedulers,
    IDbContextFactory<LinkerDbContext> dbFactory,
    WebhookTelemetry telemetry,
    TimeProvider time,
    ILogger<WebhookIntake> logger)
{
    /// <summary>The largest body taken: 1 MiB (GitHub caps its payloads at 25 MB, but no event OkrLinker acts on is near 1 MiB).</summary>
    public const int MaxBody = 1024 * 1024;

    // What a Jira source without Projects calls its one scope, which may hold any project.
    private const string JiraCatchAllScope = "jql";
    private const string JiraKind = "jira";

    public async Task<IResult> ReceiveAsync(HttpContext http, IWebhookReader reader, string sourceName)
    {
        var cancellationToken = http.RequestAborted;
        var index = options.Value.Sources.FindIndex(s => string.Equals(s.Name, sourceName, StringComparison.Ordinal) && s.Kind == reader.Kind);
        if (index < 0 || !options.Value.Sources[index].Webhook.IsOn)
        {
            return TypedResults.NotFound();
        }

        var source = options.Value.Sources[index];
        Secret secret;
        try
        {
            secret = secrets.Require($"Sources:{index}:Webhook:SecretEnv", source.Webhook.SecretEnv, "no secret", $"Sources:{index}:Webhook:SecretFile", source.Webhook.SecretFile);
        }
        catch (SecretException ex)
        {
            LogSecretUnreadable(source.Name, ex.Message);
            return Answer(source.Name, WebhookTelemetry.UnknownEvent, WebhookOutcome.Unavailable, StatusCodes.Status503ServiceUnavailable);
        }

        var headerEvent = reader.EventOf(http.Request);
        var body = http.Request.ContentLength > MaxBody ? null : await ReadBoundedAsync(http.Request.Body, cancellationToken);
        if (body is null)
        {
            LogTooLarge(source.Name, MaxBody);
            return Answer(source.Name, WebhookTelemetry.UnknownEvent, WebhookOutcome.TooLarge, StatusCodes.Status413PayloadTooLarge);
        }

        if (!reader.Verify(http.Request, body, secret.Value))
        {
            LogUnauthorized(source.Name, secret.Origin);
            return Answer(source.Name, WebhookTelemetry.UnknownEvent, WebhookOutcome.Unauthorized, StatusCodes.Status401Unauthorized);
        }

        if (reader.Read(http.Request, body) is not { } delivery)
        {
            LogInvalid(source.Name, headerEvent ?? "(in the body)");
            return Answer(source.Name, headerEvent ?? WebhookTelemetry.UnknownEvent, WebhookOutcome.Invalid, StatusCodes.Status400BadRequest);
        }

        if (delivery.Ignored)
        {
            return Answer(source.Name, delivery.Event, WebhookOutcome.Ignored, StatusCodes.Status200OK);
        }

        // A delivery without an id cannot be told from its replay; it is taken, and still recorded as the last one.
        var deliveryId = delivery.Id ?? "unnamed:" + Guid.NewGuid().ToString("N");
        if (!await deliveries.TryRecordAsync(source.Name, deliveryId, delivery.Event, cancellationToken))
        {
            LogReplayed(source.Name, delivery.Event, deliveryId);
            return Answer(source.Name, delivery.Event, WebhookOutcome.Replayed, StatusCodes.Status200OK);
        }

        try
        {
            var scheduler = await schedulers.GetScheduler(cancellationToken);
            if (delivery.Deleted.Count > 0)
            {
                await MarkDeletedAsync(scheduler, source.Name, delivery.Deleted, cancellationToken);
            }

            var scopes = delivery.Where.Pick(
                await DebouncedSync.ScopesAsync(scheduler, source.Name, cancellationToken),
                source.Kind == JiraKind ? JiraCatchAllScope : null);
            var scheduled = 0;
            foreach (var scope in scopes)
            {
                scheduled += await DebouncedSync.RequestAsync(scheduler, source.Name, scope, source.Webhook.Debounce, time, cancellationToken) ? 1 : 0;
            }

            var outcome = scopes.Count == 0 ? WebhookOutcome.Unscoped : scheduled > 0 ? WebhookOutcome.Scheduled : WebhookOutcome.Joined;
            LogAccepted(source.Name, delivery.Event, deliveryId, outcome, scopes);
            return Answer(source.Name, delivery.Event, outcome, StatusCodes.Status202Accepted, scopes);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Forget it, so the tracker's retry of this delivery is taken rather than ignored as a replay.
            await deliveries.ForgetAsync(source.Name, deliveryId, CancellationToken.None);
            LogFailed(source.Name, delivery.Event, ex);
            return Answer(source.Name, delivery.Event, WebhookOutcome.Failed, StatusCodes.Status500InternalServerError);
        }
    }

    /// <summary>The body, or null past <see cref="MaxBody"/> (read no further).</summary>
    private static async Task<byte[]?> ReadBoundedAsync(Stream body, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > MaxBody)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }

    // A deletion never shows in an incremental read: the tracker just stops returning the item. Marked here as the
    // reconciliation sweep would (Removed, gone), then the figures refresh.
    private async Task MarkDeletedAsync(IScheduler scheduler, string source, IReadOnlyList<string> ids, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var removed = nameof(StateCategory.Removed);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var marked = await db.WorkItems
            .Where(w => w.Source == source && ids.Contains(w.ExternalId) && w.GoneAt == null)
            .ExecuteUpdateAsync(
                set => set.SetProperty(w => w.Category, removed).SetProperty(w => w.GoneAt, now).SetProperty(w => w.ChangedAt, now),
                cancellationToken);
        LogDeleted(source, marked, ids);
        if (marked > 0)
        {
            await RefreshJob.RequestAsync(scheduler, time, cancellationToken);
        }
    }

    private IResult Answer(string source, string eventName, string outcome, int status, IReadOnlyList<string>? scopes = null)
    {
        telemetry.Count(source, eventName, outcome);
        return TypedResults.Json(new WebhookAnswer(outcome, scopes ?? []), WebJson.Options, statusCode: status);
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Webhook to {Source} not taken: its secret cannot be read: {Problem}")]
    private partial void LogSecretUnreadable(string source, string problem);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Webhook to {Source} refused: larger than {Max} bytes")]
    private partial void LogTooLarge(string source, int max);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Webhook to {Source} refused: it does not prove the secret in {Origin}")]
    private partial void LogUnauthorized(string source, string origin);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Webhook to {Source} refused: event {Event} is not a payload the receiver can read")]
    private partial void LogInvalid(string source, string @event);

    [LoggerMessage(Level = LogLevel.Information, Message = "Webhook to {Source}: {Event} delivery {Delivery} was taken before; ignored")]
    private partial void LogReplayed(string source, string @event, string delivery);

    [LoggerMessage(Level = LogLevel.Information, Message = "Webhook to {Source}: {Event} delivery {Delivery} {Outcome} a sync of [{Scopes}]")]
    private partial void LogAccepted(string source, string @event, string delivery, string outcome, IReadOnlyList<string> scopes);

    [LoggerMessage(Level = LogLevel.Information, Message = "Webhook to {Source}: {Count} of the deleted items [{Ids}] marked Removed")]
    private partial void LogDeleted(string source, int count, IReadOnlyList<string> ids);

    [LoggerMessage(Level = LogLevel.Error, Message = "Webhook to {Source}: {Event} could not be acted on")]
    private partial void LogFailed(string source, string @event, Exception exception);
}
