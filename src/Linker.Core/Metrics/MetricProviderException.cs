namespace OkrLinker.Core.Metrics;

/// <summary>A metric that could not be read. The message names the provider, the KR and the reason; never a secret.</summary>
public sealed class MetricProviderException : Exception
{
    public MetricProviderException(string provider, string krId, string message)
        : base(message) => (Provider, KrId) = (provider, krId);

    public MetricProviderException(string provider, string krId, string message, Exception inner)
        : base(message, inner) => (Provider, KrId) = (provider, krId);

    /// <summary>The usual wording: <c>Metric provider 'prom', KR O1-KR1: reason</c>.</summary>
    public static MetricProviderException Because(string provider, string krId, string reason, Exception? inner = null) =>
        inner is null
            ? new(provider, krId, $"Metric provider '{provider}', KR {krId}: {reason}")
            : new(provider, krId, $"Metric provider '{provider}', KR {krId}: {reason}", inner);

    public string Provider { get; }

    public string KrId { get; }
}
