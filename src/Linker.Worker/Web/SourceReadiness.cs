using System.Text.Json.Serialization;

namespace OkrLinker.Worker.Web;

/// <summary>
/// One configured source as /readyz judges it. <see cref="AgeSeconds"/> is the whole seconds since the last
/// success (null when it never succeeded); <see cref="Reason"/> explains an unready source and names it.
/// </summary>
internal sealed record SourceReadiness(
    string Name,
    string Kind,
    DateTimeOffset? LastRunAt,
    DateTimeOffset? LastSuccessAt,
    long? AgeSeconds,
    string? LastError,
    bool Ready,
    string? Reason)
{
    /// <summary>The webhook receiver's last delivery; left out of the JSON for a source without a receiver.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public WebhookReadiness? Webhook { get; init; }
}
