using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Threading.Channels;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using OkrLinker.Core.Configuration;
using OkrLinker.Core.Items;
using OkrLinker.Core.Sources;

namespace OkrLinker.Connectors.Files;

/// <summary>
/// A source over a folder of saved tracker responses or CSV files (<c>Kind: "files"</c>): one scope,
/// one saved response one page, a CSV file streamed as pages of <see cref="DefaultCsvPageSize"/> rows.
/// The cursor (<see cref="FilesCursor"/>) is the folder fingerprint and how far it got, so a re-run
/// over an unchanged folder yields nothing, a crash resumes after the last committed page, and any
/// change to the folder re-reads every file (upserts make that harmless).
/// </summary>
internal sealed class FilesSource : IWorkItemSource, ISourceCheck
{
    public const string Kind = "files";
    public const string ScopeId = "files";

    /// <summary>
    /// Rows a page of a CSV file: large enough that a page's transaction is cheap beside its rows,
    /// small enough that a few pages in memory are a few tens of MB (docs/benchmarks.md).
    /// </summary>
    public const int DefaultCsvPageSize = 10_000;

    private readonly SourceOptions options;
    private readonly FilesFolder folder;
    private readonly FilesFormat format;
    private readonly TeamResolver teams;
    private readonly int csvPageSize;

    public FilesSource(SourceOptions options, string folderPath, FilesFormat format, TeamResolver teams, int csvPageSize = DefaultCsvPageSize)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(csvPageSize, 1);
        this.csvPageSize = csvPageSize;
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

        // Pages are read one ahead on another thread, so parsing the next page overlaps committing
        // this one; the bound keeps memory at a few pages whatever the size of the files.
        var pages = Channel.CreateBounded<WorkItemPage>(new BoundedChannelOptions(1) { SingleReader = true, SingleWriter = true });
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var reading = Task.Run(() => ProduceAsync(pages.Writer, cursor, stop.Token), CancellationToken.None);
        try
        {
            await foreach (var page in pages.Reader.ReadAllAsync(cancellationToken).ConfigureAwait(false))
            {
                yield return page;
            }
        }
        finally
        {
            // The caller stopped early (or failed): stop reading ahead and let the reader finish.
            await stop.CancelAsync().ConfigureAwait(false);
            await reading.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
    }

    private async Task ProduceAsync(ChannelWriter<WorkItemPage> pages, string? cursor, CancellationToken cancellationToken)
    {
        try
        {
            await foreach (var page in ReadPagesAsync(cursor, cancellationToken).ConfigureAwait(false))
            {
                await pages.WriteAsync(page, cancellationToken).ConfigureAwait(false);
            }

            pages.TryComplete();
        }
        catch (Exception ex)
        {
            pages.TryComplete(ex);
        }
    }

    private async IAsyncEnumerable<WorkItemPage> ReadPagesAsync(string? cursor, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var snapshot = folder.Scan();

        // The stamp is taken before the content is hashed: a file written meanwhile has a new stamp next time.
        var stamp = FilesFolder.Stamp(snapshot);
        var previous = FilesCursor.Parse(cursor);
        var fingerprint = previous is { Stamp: { } stamped } && stamped == stamp
            ? previous.Fingerprint
            : await FilesFolder.FingerprintAsync(snapshot, cancellationToken).ConfigureAwait(false);
        var resume = previous is not null && previous.Fingerprint == fingerprint ? previous : null;
        var parser = new FilesPageParser(options, format, teams);
        if (format == FilesFormat.Jira && snapshot.Catalog is { } catalog)
        {
            var content = await File.ReadAllBytesAsync(catalog.FullName, cancellationToken).ConfigureAwait(false);
            Guard(catalog, () => parser.UseCatalog(content));
        }

        var read = false;
        foreach (var file in snapshot.Pages)
        {
            var order = resume is null ? 1 : string.CompareOrdinal(file.Name, resume.FileName);
            if (order < 0 || (order == 0 && resume!.Rows is null))
            {
                continue;
            }

            read = true;

            if (format == FilesFormat.Csv)
            {
                var skip = order == 0 ? resume!.Rows ?? 0 : 0;
                foreach (var page in CsvPages(parser, file, fingerprint, stamp, skip, cancellationToken))
                {
                    yield return page;
                }

                continue;
            }

            var bytes = await File.ReadAllBytesAsync(file.FullName, cancellationToken).ConfigureAwait(false);
            var items = Guard(file, () => parser.Parse(bytes, file.FullName));
            yield return new WorkItemPage(items, new FilesCursor(fingerprint, file.Name, Stamp: stamp).ToString());
        }

        // Nothing to read, but the stamp moved (a file touched, or a cursor from before stamps): an empty page
        // records the new stamp, so the next run does not hash the same content again.
        if (!read && resume is { Rows: null } && resume.Stamp != stamp)
        {
            yield return new WorkItemPage([], (resume with { Stamp = stamp }).ToString());
        }
    }

    /// <summary>
    /// A CSV file as pages of at most <see cref="csvPageSize"/> rows, streamed; every page but the last
    /// carries the rows committed so far, the last one the whole file. <paramref name="skip"/> rows were
    /// committed by an earlier run and are read past.
    /// </summary>
    private IEnumerable<WorkItemPage> CsvPages(FilesPageParser parser, FileInfo file, string fingerprint, string stamp, long skip, CancellationToken cancellationToken)
    {
        using var stream = new FileStream(file.FullName, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
        using var rows = Guard(file, () => parser.ReadCsv(stream, file.FullName).GetEnumerator());
        long done = 0;
        var page = new List<WorkItem>(csvPageSize);
        while (Guard(file, rows.MoveNext))
        {
            done++;
            if (done <= skip)
            {
                continue;
            }

            page.Add(rows.Current);
            if (page.Count == csvPageSize)
            {
                cancellationToken.ThrowIfCancellationRequested();
                yield return new WorkItemPage(page, new FilesCursor(fingerprint, file.Name, done, stamp).ToString());
                page = new List<WorkItem>(csvPageSize);
            }
        }

        yield return new WorkItemPage(page, new FilesCursor(fingerprint, file.Name, Stamp: stamp).ToString());
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
