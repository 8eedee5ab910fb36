namespace OkrLinker.Core.Configuration;

/// <summary>The folder of the config file; every relative path in the config is taken from here.</summary>
public sealed record ConfigLocation(string Directory)
{
    public string Resolve(string path) =>
        System.IO.Path.GetFullPath(System.IO.Path.IsPathRooted(path) ? path : System.IO.Path.Combine(Directory, path));
}
