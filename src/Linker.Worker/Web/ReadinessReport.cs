using System.Text.Json.Serialization;

namespace OkrLinker.Worker.Web;

/// <summary>The body of <c>/readyz</c>; <see cref="Status"/> is <c>ready</c> or <c>unready</c>.</summary>
internal sealed record ReadinessReport(string Status, StoreHealth Store, IReadOnlyList<SourceReadiness> Sources)
{
    public const string ReadyStatus = "ready";
    public const string UnreadyStatus = "unready";

    [JsonIgnore]
    public bool IsReady => Status == ReadyStatus;

    public static ReadinessReport Of(StoreHealth store, IReadOnlyList<SourceReadiness> sources) =>
        new(store.Ok && sources.All(s => s.Ready) ? ReadyStatus : UnreadyStatus, store, sources);
}
