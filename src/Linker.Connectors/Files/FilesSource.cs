using System.Runtime.CompilerServices;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using OkrLinker.Core.Configuration;
using OkrLinker.Core.Items;
using OkrLinker.Core.Sources;

namespace OkrLinker.Connectors.Files;

/// <summary>
/// A source over a folder of saved tracker responses or CSV files (<c>Kind: "files"</c>): one scope,
/// one file one page. The cursor is <c>&lt;folder fingerprint&gt;|&lt;file name&gt;</c>, so a re-run over
/// an unchanged folder yields nothing, a crash resumes after the last committed file, and any change
/// to the folder re-reads every file (upserts make that harmless).
/// </summary>
internal sealed class FilesSource : IWorkItemSource, ISourceCheck
{
    public const string Kind = "files";
    public const string ScopeId = "files";

    private readonly SourceOptions options;
    private readonly FilesFolder folder;
    private readonly FilesFormat format;
    private readonly TeamResolver teams;

    public FilesSource(SourceOptions options, string folderPath, FilesFormat format, TeamResolver teams)
    {
        this.options = options;
        this.format = format;
        this.teams = teams;
        folder = new FilesFolder(folderPath, format);
    }

    public string Name => options.Name;

    /// <summary>Builds the source for one <c>Sources[]</c> entry; throws <see cref="SourceException"/> on bad settings.</summary>
    public static FilesSource Create(IServiceProvider services, SourceOptions options)
    {
        var format = FilesFormats.Parse(options.Format) ?? throw new SourceException(
            options.Name,
            $"Source '{options.Name}': Format '{options.Format}' is not known; set Sources[].Format to {FilesFormats.Known}.");
        if (string.IsNullOrWhiteSpace(options.Path))
        {
            throw new SourceException(
                options.Name, $"Source '{options.Name}': set Sources[].Path to the folder of saved files.");
        }

        var location = services.GetService<ConfigLocation>() ?? new ConfigLocation(Environment.CurrentDirectory);
        var teams = services.GetService<IOptions<LinkerOptions>>()?.Value.Teams is { } map
            ? new TeamResolver(map)
            : TeamResolver.Empty;
        return new FilesSource(options, location.Resolve(options.Path), format, teams);
    }

    public Task<IReadOnlyList<CheckLine>> CheckAsync(CancellationToken cancellationToken)
    {
        IReadOnlyList<CheckLine> lines = folder.Exists
            ? [new CheckLine(Name, folder.Path, true, $"{folder.Scan().Pages.Count} {options.Format} file(s) to read")]
            : [new CheckLine(Name, folder.Path, false, "folder not found (Sources[].Path)")];
        return Task.FromResult(lines);
    }

    public Task<IReadOnlyList<SourceScope>> GetScopesAsync(CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<SourceScope>>([new SourceScope(Name, ScopeId)]);

    public async IAsyncEnumerable<WorkItemPage> ReadAsync(
        SourceScope scope, string? cursor, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        if (!folder.Exists)
        {
            throw new SourceException(
                Name,
                $"Source '{Name}': the folder '{folder.Path}' does not exist; fix Sources[].Path ('{options.Path}', relative to the config file).");
        }

        var snapshot = folder.Scan();
        var fingerprint = await FilesFolder.FingerprintAsync(snapshot, cancellationToken).ConfigureAwait(false);
        var resumeAfter = FilesCursor.Parse(cursor) is { } previous && previous.Fingerprint == fingerprint
            ? previous.FileName
            : null;
        var parser = new FilesPageParser(options, format, teams);
        if (format == FilesFormat.Jira && snapshot.Catalog is { } catalog)
        {
            var content = await File.ReadAllBytesAsync(catalog.FullName, cancellationToken).ConfigureAwait(false);
            Guard(catalog, () => parser.UseCatalog(content));
        }

        foreach (var file in snapshot.Pages)
        {
            if (resumeAfter is not null && string.CompareOrdinal(file.Name, resumeAfter) <= 0)
            {
                continue;
            }

            var content = await File.ReadAllBytesAsync(file.FullName, cancellationToken).ConfigureAwait(false);
            var items = Guard(file, () => parser.Parse(content, file.FullName));
            yield return new WorkItemPage(items, new FilesCursor(fingerprint, file.Name).ToString());
        }
    }

    // A broken file is the user's to fix: say which file and where, and do not retry.
    private T Guard<T>(FileInfo file, Func<T> read)
    {
        try
        {
            return read();
        }
        catch (JsonException ex)
        {
            throw new SourceException(
                Name, $"Source '{Name}': {file.FullName} is not valid JSON (line {ex.LineNumber + 1}): {ex.Message}", ex);
        }
        catch (FormatException ex)
        {
            throw new SourceException(Name, $"Source '{Name}': {ex.Message}", ex);
        }
    }
}
