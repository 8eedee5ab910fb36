using OkrLinker.Core.Configuration;
using OkrLinker.Core.Sources;

namespace OkrLinker.Connectors.Auth;

/// <summary>Reads a source's token from the environment variable or file its config names; the value is never logged.</summary>
internal static class SourceToken
{
    /// <summary>The token, or null when the source names no secret (anonymous access).</summary>
    /// <exception cref="SourceException">The named variable or file is missing or empty.</exception>
    public static string? Read(SourceOptions source, ConfigLocation location)
    {
        if (!string.IsNullOrWhiteSpace(source.Auth.TokenEnv))
        {
            var value = Environment.GetEnvironmentVariable(source.Auth.TokenEnv);
            return string.IsNullOrWhiteSpace(value)
                ? throw new SourceException(source.Name, $"Source '{source.Name}': the environment variable {source.Auth.TokenEnv} (Auth.TokenEnv) is not set.")
                : value.Trim();
        }

        if (!string.IsNullOrWhiteSpace(source.Auth.TokenFile))
        {
            var path = location.Resolve(source.Auth.TokenFile);
            var value = File.Exists(path) ? File.ReadAllText(path).Trim() : "";
            return value.Length == 0
                ? throw new SourceException(source.Name, $"Source '{source.Name}': the token file {path} (Auth.TokenFile) is missing or empty.")
                : value;
        }

        return null;
    }

    /// <summary>What to call the secret in messages: the variable or file name, never its content.</summary>
    public static string Describe(SourceOptions source) =>
        source.Auth.TokenEnv ?? source.Auth.TokenFile ?? "(no token configured)";
}
