namespace OkrLinker.Worker.Webhooks;

/// <summary>A source's newest accepted webhook delivery: when it came and which event it was.</summary>
internal sealed record LastWebhook(DateTimeOffset At, string Event);
