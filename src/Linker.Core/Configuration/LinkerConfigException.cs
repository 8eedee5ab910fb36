namespace OkrLinker.Core.Configuration;

/// <summary>The configuration cannot work; <see cref="Key"/> names the setting (<c>Sources:1:Kind</c>).</summary>
public sealed class LinkerConfigException(string key, string problem)
    : Exception($"{key}: {problem}")
{
    public string Key { get; } = key;
}
