namespace OkrLinker.Core.Configuration;

/// <summary>Names where a secret lives; never the secret itself.</summary>
public sealed class AuthOptions
{
    /// <summary>Jira Cloud: the account e-mail for Basic auth. Absent: the token is a Bearer PAT.</summary>
    public string? Email { get; set; }

    /// <summary>The environment variable that holds the token.</summary>
    public string? TokenEnv { get; set; }

    /// <summary>A file that holds the token (Docker / Kubernetes secrets), relative to the config file.</summary>
    public string? TokenFile { get; set; }

    /// <summary>
    /// The environment variable that holds a second token with write scope, used only to tag items a PM approved on the
    /// dashboard (issue 16). Absent (with <see cref="WriteTokenFile"/>): write-back is off for the source.
    /// </summary>
    public string? WriteTokenEnv { get; set; }

    /// <summary>A file that holds the write token, relative to the config file.</summary>
    public string? WriteTokenFile { get; set; }
}
