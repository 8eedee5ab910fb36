namespace OkrLinker.Core.Metrics;

/// <summary>
/// A metric provider plugin (DESIGN.md §4): reads the values of one KR's metric from a real data
/// source (Prometheus, a SQL database, an HTTP JSON endpoint, CSV files, the synced items).
/// </summary>
/// <remarks>
/// How it fails: anything that keeps a value from being read — a query the data source rejects, a
/// missing series, a value that is not a number, a timeout, a SQL statement that would write — throws
/// <see cref="MetricProviderException"/> with a message that names the provider, the KR and the reason
/// in the data source's own words, without retrying in a loop. The caller then marks that KR
/// <c>stale-metric</c> with the reason and goes on with the other KRs. Cancellation throws
/// <see cref="OperationCanceledException"/>. Secrets never appear in a message.
/// </remarks>
public interface IMetricProvider
{
    /// <summary>The configured provider name (<c>Metrics.Providers[].Name</c>), or <c>tracker</c>.</summary>
    string Name { get; }

    /// <summary>
    /// The samples of the request's metric in [<see cref="MetricRequest.From"/>, <see cref="MetricRequest.To"/>],
    /// oldest first. A provider with history returns what it holds in that range (at most one sample a
    /// day is enough); one without history returns its value now as one sample. An empty list means the
    /// data source holds no value in the range (not an error for a range before the series starts).
    /// </summary>
    Task<IReadOnlyList<MetricSample>> ReadAsync(MetricRequest request, CancellationToken cancellationToken);
}
