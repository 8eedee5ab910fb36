namespace OkrLinker.Connectors.Http;

/// <summary>Which vendor a source talks to; it decides how rate-limit headers and auth failures are read.</summary>
public enum SourceVendor
{
    GitHub,
    Jira,
    AzureDevOps,

    /// <summary>A Prometheus server (metric provider).</summary>
    Prometheus,

    /// <summary>Any other JSON-over-HTTP server (the http-json metric provider); no vendor headers.</summary>
    Http,
}
