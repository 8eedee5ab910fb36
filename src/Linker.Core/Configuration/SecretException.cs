namespace OkrLinker.Core.Configuration;

/// <summary>
/// A secret the config names cannot be read. <see cref="Key"/> is the config key at fault
/// (<c>Auth.TokenEnv</c>, <c>WebhookFile</c>); the message names the key and the variable or file,
/// never a value.
/// </summary>
public sealed class SecretException(string key, string message, Exception? innerException = null) : Exception(message, innerException)
{
    public string Key { get; } = key;
}
