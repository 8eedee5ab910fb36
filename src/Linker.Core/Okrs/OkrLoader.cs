using OkrLinker.Core.Configuration;

namespace OkrLinker.Core.Okrs;

/// <summary>
/// Loads okrs.yaml (DESIGN.md §4). Every problem, from a missing file to a typo in a key, is an
/// <see cref="OkrLoadException"/> naming the file, line, column and key.
/// </summary>
public static class OkrLoader
{
    /// <summary>Reads and parses the file; <paramref name="path"/> is used as written in messages.</summary>
    /// <param name="providers">The configured metric providers that <c>metric.provider</c> may name; null skips that check.</param>
    public static OkrSet Load(string path, IReadOnlyList<MetricProviderOptions>? providers = null)
    {
        string yaml;
        try
        {
            yaml = File.ReadAllText(path);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new OkrLoadException(path, 0, 0, null, $"file not found (looked for {Path.GetFullPath(path)})", e);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw new OkrLoadException(path, 0, 0, null, $"cannot read the file: {e.Message}", e);
        }

        return Parse(yaml, path, providers);
    }

    /// <summary>Parses the text of okrs.yaml; <paramref name="fileName"/> names it in error messages.</summary>
    public static OkrSet Parse(string yaml, string fileName, IReadOnlyList<MetricProviderOptions>? providers = null)
    {
        var root = OkrYamlDocumentReader.ReadRoot(yaml, fileName);
        return new OkrSetReader(fileName, providers).Read(root);
    }
}
