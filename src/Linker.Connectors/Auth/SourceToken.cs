using OkrLinker.Core.Configuration;
using OkrLinker.Core.Sources;

namespace OkrLinker.Connectors.Auth;

/// <summary>Reads a token from the environment variable or file a config entry names; the value is never logged.</summary>
internal static class SourceToken
{
    /// <summary>The source's token, or null when the source names no secret (anonymous access).</summary>
    /// <exception cref="SourceException">The named variable or file is missing or empty.</exception>
    public static string? Read(SourceOptions source, ConfigLocation location) =>
        Read(source.Auth, location, problem => new SourceException(source.Name, $"Source '{source.Name}': {problem}"));

    /// <summary>The token <paramref name="auth"/> names, or null when it names none; <paramref name="fail"/> makes the error for a missing one.</summary>
    public static string? Read(AuthOptions auth, ConfigLocation location, Func<string, Exception> fail)
    {
        if (!string.IsNullOrWhiteSpace(auth.TokenEnv))
        {
            var value = Environment.GetEnvironmentVariable(auth.TokenEnv);
            return string.IsNullOrWhiteSpace(value)
                ? throw fail($"the environment variable {auth.TokenEnv} (Auth.TokenEnv) is not set.")
                : value.Trim();
        }

        if (!string.IsNullOrWhiteSpace(auth.TokenFile))
        {
            var path = location.Resolve(auth.TokenFile);
            var value = File.Exists(path) ? File.ReadAllText(path).Trim() : "";
            return value.Length == 0
                ? throw fail($"the token file {path} (Auth.TokenFile) is missing or empty.")
                : value;
        }

        return null;
    }

    /// <summary>What to call the secret in messages: the variable or file name, never its content.</summary>
    public static string Describe(SourceOptions source) => Describe(source.Auth);

    /// <inheritdoc cref="Describe(SourceOptions)"/>
    public static string Describe(AuthOptions auth) =>
        auth.TokenEnv ?? auth.TokenFile ?? "(no token configured)";
}
