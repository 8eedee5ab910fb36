using OkrLinker.Core.Configuration;
using OkrLinker.Core.Sources;

namespace OkrLinker.Connectors.Auth;

/// <summary>A source's or provider's <c>Auth.TokenEnv</c>/<c>Auth.TokenFile</c>, read by the <see cref="SecretReader"/>.</summary>
internal static class SourceToken
{
    /// <summary>The source's token, or null when the source names no secret (anonymous access).</summary>
    /// <exception cref="SourceException">The named variable or file is missing or empty.</exception>
    public static string? Read(SourceOptions source, ConfigLocation location) =>
        Read(source.Auth, location, problem => new SourceException(source.Name, $"Source '{source.Name}': {problem}."));

    /// <summary>The token <paramref name="auth"/> names, or null when it names none; <paramref name="fail"/> makes the error for a missing one.</summary>
    public static string? Read(AuthOptions auth, ConfigLocation location, Func<string, Exception> fail)
    {
        try
        {
            return new SecretReader(location).Read("Auth.TokenEnv", auth.TokenEnv, "Auth.TokenFile", auth.TokenFile)?.Value;
        }
        catch (SecretException ex)
        {
            throw fail(ex.Message);
        }
    }

    /// <summary>What to call the secret in messages: the variable or file name, never its content.</summary>
    public static string Describe(SourceOptions source) => Describe(source.Auth);

    /// <inheritdoc cref="Describe(SourceOptions)"/>
    public static string Describe(AuthOptions auth) => SecretReader.Describe(auth.TokenEnv, auth.TokenFile, "(no token configured)");
}
