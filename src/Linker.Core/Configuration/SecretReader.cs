namespace OkrLinker.Core.Configuration;

/// <summary>
/// The one way to read a secret the config names (source tokens, metric connection strings and
/// headers, webhook URLs, SMTP credentials). The rules: a <c>…Env</c> key names an environment
/// variable, a <c>…File</c> key a file relative to the config folder (Docker and Kubernetes secrets);
/// the value is trimmed and an empty one counts as missing; when both are named the variable wins and
/// the file is read when the variable is unset. Values are never logged nor put in a message: errors
/// name the config key and the variable or file.
/// </summary>
public sealed class SecretReader(ConfigLocation location)
{
    /// <summary>
    /// The secret <paramref name="variable"/> (under <paramref name="envKey"/>) or <paramref name="file"/>
    /// (under <paramref name="fileKey"/>) holds; null when the config names neither (no secret wanted).
    /// </summary>
    /// <exception cref="SecretException">A named variable or file is missing, empty or unreadable.</exception>
    public Secret? Read(string envKey, string? variable, string? fileKey = null, string? file = null)
    {
        var hasVariable = !string.IsNullOrWhiteSpace(variable);
        var hasFile = !string.IsNullOrWhiteSpace(file);
        if (!hasVariable && !hasFile)
        {
            return null;
        }

        if (hasVariable)
        {
            var origin = $"the environment variable {variable!.Trim()}";
            if (Trimmed(Environment.GetEnvironmentVariable(variable.Trim())) is { } value)
            {
                return new Secret(value, envKey, origin);
            }

            if (!hasFile)
            {
                throw new SecretException(envKey, $"{origin} ({envKey}) is not set");
            }
        }

        return ReadFile(fileKey ?? envKey, file!, hasVariable ? $"the environment variable {variable!.Trim()} ({envKey}) is not set and " : "");
    }

    /// <summary>Like <see cref="Read"/> for a secret that must be there; <paramref name="missing"/> says what to set.</summary>
    /// <exception cref="SecretException">Neither is named, or a named one is missing, empty or unreadable.</exception>
    public Secret Require(string envKey, string? variable, string missing, string? fileKey = null, string? file = null) =>
        Read(envKey, variable, fileKey, file) ?? throw new SecretException(envKey, missing);

    /// <summary>What to call the secret in messages and logs: the variable or file name, never its content.</summary>
    public static string Describe(string? variable, string? file = null, string none = "(no secret configured)") =>
        !string.IsNullOrWhiteSpace(variable) ? variable.Trim()
        : !string.IsNullOrWhiteSpace(file) ? file.Trim()
        : none;

    private Secret ReadFile(string fileKey, string file, string variableUnset)
    {
        var path = location.Resolve(file.Trim());
        var origin = $"the file {path}";
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new SecretException(fileKey, $"{variableUnset}{origin} ({fileKey}) is missing", ex);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new SecretException(fileKey, $"{variableUnset}{origin} ({fileKey}) cannot be read: {ex.GetType().Name}", ex);
        }

        return Trimmed(text) is { } value
            ? new Secret(value, fileKey, origin)
            : throw new SecretException(fileKey, $"{variableUnset}{origin} ({fileKey}) is empty");
    }

    private static string? Trimmed(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
