using System.Security.Cryptography;
using System.Text;

namespace OkrLinker.Connectors.Files;

/// <summary>The folder of a files source: which of its files are pages, and the Jira field catalogue.</summary>
internal sealed class FilesFolder(string path, FilesFormat format)
{
    private static readonly string[] CatalogNames = ["field.json", "fields.json"];

    public string Path { get; } = path;

    public bool Exists => Directory.Exists(Path);

    /// <summary>
    /// The data files as they are now, listed once so the fingerprint and the pages agree: the pages in
    /// ordinal file-name order, and the Jira field catalogue (<c>field.json</c> or <c>fields.json</c>).
    /// </summary>
    public FilesSnapshot Scan()
    {
        var extension = format == FilesFormat.Csv ? ".csv" : ".json";
        var files = new DirectoryInfo(Path)
            .EnumerateFiles()
            .Where(file => file.Extension.Equals(extension, StringComparison.OrdinalIgnoreCase) && !file.Name.StartsWith('.'))
            .OrderBy(file => file.Name, StringComparer.Ordinal)
            .ToList();
        return new FilesSnapshot(files.Where(file => !IsCatalog(file)).ToList(), files.FirstOrDefault(IsCatalog), files);
    }

    /// <summary>
    /// SHA-256 over every data file's name and content (the catalogue included: it changes how pages
    /// read), hex, first 16 characters. Equal fingerprints mean nothing in the folder changed.
    /// </summary>
    public static async Task<string> FingerprintAsync(FilesSnapshot snapshot, CancellationToken cancellationToken)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = new byte[1 << 20];
        foreach (var file in snapshot.All)
        {
            // Streamed, so a large export is hashed in constant memory.
            await using var stream = new FileStream(file.FullName, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan);
            hash.AppendData(Encoding.UTF8.GetBytes($"{file.Name}\n{stream.Length}\n"));
            int read;
            while ((read = await stream.ReadAsync(buffer, cancellationToken).ConfigureAwait(false)) > 0)
            {
                hash.AppendData(buffer, 0, read);
            }
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset())[..16];
    }

    /// <summary>
    /// SHA-256 over every data file's name, size and modification time, hex, first 16 characters: cheap to take, and
    /// it changes whenever a file is written (a change that keeps the size still moves the modification time).
    /// </summary>
    public static string Stamp(FilesSnapshot snapshot)
    {
        var text = new StringBuilder();
        foreach (var file in snapshot.All)
        {
            text.Append(file.Name).Append('\n').Append(file.Length).Append('\n').Append(file.LastWriteTimeUtc.Ticks).Append('\n');
        }

        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())))[..16];
    }

    private bool IsCatalog(FileInfo file) =>
        format != FilesFormat.Csv && CatalogNames.Contains(file.Name, StringComparer.OrdinalIgnoreCase);
}
