namespace OkrLinker.Worker.Webhooks;

/// <summary>What became of a delivery: the <c>outcome</c> label of the deliveries counter and of the answer's body.</summary>
internal static class WebhookOutcome
{
    /// <summary>A scope's sync was put on the schedule, the debounce from now.</summary>
    public const string Scheduled = "scheduled";

    /// <summary>Every scope it names already had a sync waiting; the delivery joined it.</summary>
    public const string Joined = "joined";

    /// <summary>Its delivery id was accepted before: nothing done.</summary>
    public const string Replayed = "replayed";

    /// <summary>A ping or an event the receiver does not act on.</summary>
    public const string Ignored = "ignored";

    /// <summary>It names a scope the source does not sync (or one not yet on the schedule): polling has it covered.</summary>
    public const string Unscoped = "unscoped";

    public const string Unauthorized = "unauthorized";
    public const string TooLarge = "too_large";
    public const string Invalid = "invalid";

    /// <summary>The configured secret could not be read.</summary>
    public const string Unavailable = "unavailable";
    public const string Failed = "failed";
}
