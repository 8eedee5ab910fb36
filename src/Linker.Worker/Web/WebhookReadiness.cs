namespace OkrLinker.Worker.Web;

/// <summary>
/// A source's webhook receiver on /readyz (present only when its <c>Webhook</c> secret is configured): the newest
/// delivery taken, on any node, and its age in whole seconds; nulls when none has come. It does not decide readiness:
/// a quiet tracker sends nothing, and polling keeps the source fresh.
/// </summary>
internal sealed record WebhookReadiness(DateTimeOffset? LastDeliveryAt, string? LastEvent, long? AgeSeconds);
