using System.Security.Cryptography;
using System.Text;

namespace OkrLinker.Connectors.Files;

/// <summary>The files of a files source's folder: the pages, the Jira field catalogue, and their fingerprint.</summary>
internal sealed class FilesFolder(string path, FilesFormat format)
{
    private static readonly string[] CatalogNames = ["field.json", "fields.json"];

    public string Path { get; } = path;

    public bool Exists => Directory.Exists(Path);

    /// <summary>The data files, one page each, in ordinal file-name order.</summary>
    public IReadOnlyList<FileInfo> Pages() => DataFiles().Where(file => !IsCatalog(file)).ToList();

    /// <summary>The Jira field catalogue (<c>field.json</c> or <c>fields.json</c>), if the folder has one.</summary>
    public FileInfo? Catalog() => DataFiles().FirstOrDefault(IsCatalog);

    /// <summary>
    /// SHA-256 over every data file's name and content (the catalogue included: it changes how pages
    /// read), hex, first 16 characters. Equal fingerprints mean nothing in the folder changed.
    /// </summary>
    public async Task<string> FingerprintAsync(CancellationToken cancellationToken)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var file in DataFiles())
        {
            var content = await File.ReadAllBytesAsync(file.FullName, cancellationToken).ConfigureAwait(false);
            hash.AppendData(Encoding.UTF8.GetBytes($"{file.Name}\n{content.Length}\n"));
            hash.AppendData(content);
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset())[..16];
    }

    private IEnumerable<FileInfo> DataFiles()
    {
        var extension = format == FilesFormat.Csv ? ".csv" : ".json";
        return new DirectoryInfo(Path)
            .EnumerateFiles()
            .Where(file => file.Extension.Equals(extension, StringComparison.OrdinalIgnoreCase) && !file.Name.StartsWith('.'))
            .OrderBy(file => file.Name, StringComparer.Ordinal);
    }

    private bool IsCatalog(FileInfo file) =>
        format != FilesFormat.Csv && CatalogNames.Contains(file.Name, StringComparer.OrdinalIgnoreCase);
}
