namespace OkrLinker.Core.Configuration;

/// <summary>
/// One entry of <c>Metrics.Providers</c>. Which keys apply depends on <see cref="Kind"/>:
/// <c>prometheus</c>, <c>sql</c>, <c>http-json</c> or <c>csv</c>.
/// </summary>
public sealed class MetricProviderOptions
{
    /// <summary>What okrs.yaml's <c>metric.provider</c> names; unique, not <c>tracker</c>.</summary>
    public string Name { get; set; } = "";

    public string Kind { get; set; } = "";

    /// <summary>prometheus, http-json: the server's root URL.</summary>
    public string? BaseUrl { get; set; }

    /// <summary>prometheus: bearer token (<c>TokenEnv</c>/<c>TokenFile</c>), or basic auth with <c>Email</c> as the user.</summary>
    public AuthOptions Auth { get; set; } = new();

    /// <summary>sql: <c>Postgres</c> or <c>Sqlite</c>.</summary>
    public string? Dialect { get; set; }

    /// <summary>sql: the environment variable that holds the connection string.</summary>
    public string? ConnectionStringEnv { get; set; }

    /// <summary>http-json: header name → the environment variable that holds its value.</summary>
    public Dictionary<string, string> HeadersEnv { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>csv: the folder of series files, relative to the config file.</summary>
    public string? Path { get; set; }

    /// <summary>How long one query may take before the KR is marked stale. Default 30 seconds.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);
}
