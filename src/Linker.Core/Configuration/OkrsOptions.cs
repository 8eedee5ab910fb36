namespace OkrLinker.Core.Configuration;

public sealed class OkrsOptions
{
    /// <summary>The okrs.yaml file, relative to the config file. Default <c>okrs.yaml</c>.</summary>
    public string Path { get; set; } = "okrs.yaml";
}
