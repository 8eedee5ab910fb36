namespace OkrLinker.Core.Linking;

/// <summary>
/// The <c>Linking</c> section cannot be used as written. <see cref="Key"/> is the configuration key at
/// fault (<c>Linking:Rules:0:Field</c>); the message starts with it so a log line alone says what to fix.
/// </summary>
public sealed class LinkingConfigException : Exception
{
    public LinkingConfigException(string key, string problem)
        : base($"{key}: {problem}") => Key = key;

    public LinkingConfigException(string key, string problem, Exception inner)
        : base($"{key}: {problem}", inner) => Key = key;

    public string Key { get; }
}
