using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using OkrLinker.Connectors.Files;
using OkrLinker.Connectors.Tests.Support;
using OkrLinker.Core.Configuration;
using OkrLinker.Core.Items;
using OkrLinker.Core.Sources;

namespace OkrLinker.Connectors.Tests.Files;

public sealed class FilesSourceTests : IDisposable
{
    private readonly TempFolder temp = new();

    public void Dispose() => temp.Dispose();

    private static async Task<List<WorkItemPage>> ReadAll(IWorkItemSource source, string? cursor)
    {
        var scope = Assert.Single(await source.GetScopesAsync(CancellationToken.None));
        var pages = new List<WorkItemPage>();
        await foreach (var page in source.ReadAsync(scope, cursor, CancellationToken.None))
        {
            pages.Add(page);
        }

        return pages;
    }

    private FilesSource JiraFolder(TeamResolver? teams = null)
    {
        temp.Copy("jira/v3-issue-bulkfetch.json", "jira/01-bulk.json");
        temp.Copy("jira/v2-agile-sprint-issues-gojira.json", "jira/02-sprint.json");
        temp.Write("jira/fields.json", """[ { "id": "customfield_10105", "name": "Story Points" } ]""");
        temp.Write("jira/02-sprint.headers.txt", ":status: 200\n");
        return new FilesSource(
            new SourceOptions { Name = "jira-export", Kind = "files", Format = "jira", Path = "jira" },
            Path.Combine(temp.Path, "jira"),
            FilesFormat.Jira,
            teams ?? Sources.Teams());
    }

    [Fact]
    public async Task Full_read_yields_one_page_per_file_in_name_order_using_the_field_catalogue()
    {
        var source = JiraFolder(Sources.Teams(("jira-export:AR", "argon")));

        var pages = await ReadAll(source, cursor: null);

        Assert.Equal(2, pages.Count);
        Assert.Equal(["EX-1", "EX-2", "EX-4"], pages[0].Items.Select(i => i.Key));
        var sprint = Assert.Single(pages[1].Items);
        Assert.Equal("AR-86", sprint.Key);
        Assert.Equal(13.0, sprint.StoryPoints); // customfield_10105 is "Story Points" per fields.json
        Assert.Equal("argon", sprint.Team);
        Assert.Equal("jira-export", sprint.Source);

        var fingerprint = pages[0].Cursor.Split('|')[0];
        Assert.Matches("^[0-9a-f]{16}\\.[0-9a-f]{16}$", fingerprint); // content fingerprint . stamp of names, sizes, times
        Assert.Equal([$"{fingerprint}|01-bulk.json", $"{fingerprint}|02-sprint.json"], pages.Select(p => p.Cursor));
    }

    [Fact]
    public async Task Re_reading_with_the_final_cursor_yields_nothing()
    {
        var source = JiraFolder();
        var pages = await ReadAll(source, cursor: null);

        Assert.Empty(await ReadAll(source, pages[^1].Cursor));
    }

    [Fact]
    public async Task A_cursor_after_the_first_file_resumes_with_the_second()
    {
        var source = JiraFolder();
        var pages = await ReadAll(source, cursor: null);

        var resumed = await ReadAll(source, pages[0].Cursor);

        var page = Assert.Single(resumed);
        Assert.Equal("AR-86", Assert.Single(page.Items).Key);
        Assert.Equal(pages[1].Cursor, page.Cursor);
    }

    [Fact]
    public async Task A_changed_file_re_reads_every_file_under_a_new_fingerprint()
    {
        var source = JiraFolder();
        var before = await ReadAll(source, cursor: null);
        File.AppendAllText(Path.Combine(temp.Path, "jira", "02-sprint.json"), "\n");

        var after = await ReadAll(source, before[^1].Cursor);

        Assert.Equal(2, after.Count);
        Assert.NotEqual(before[0].Cursor.Split('|')[0], after[0].Cursor.Split('|')[0]);
        Assert.Equal(["01-bulk.json", "02-sprint.json"], after.Select(p => p.Cursor.Split('|')[1]));
    }

    [Fact]
    public async Task A_changed_field_catalogue_also_re_reads()
    {
        var source = JiraFolder();
        var before = await ReadAll(source, cursor: null);
        temp.Write("jira/fields.json", "[]");

        var after = await ReadAll(source, before[^1].Cursor);

        Assert.Equal(2, after.Count);
        Assert.Null(Assert.Single(after[1].Items).StoryPoints);
    }

    [Fact]
    public async Task A_missing_folder_throws_a_source_exception_naming_source_and_path()
    {
        var folder = Path.Combine(temp.Path, "nowhere");
        var source = new FilesSource(
            new SourceOptions { Name = "jira-export", Kind = "files", Format = "jira", Path = "nowhere" },
            folder,
            FilesFormat.Jira,
            TeamResolver.Empty);

        var error = await Assert.ThrowsAsync<SourceException>(() => ReadAll(source, cursor: null));

        Assert.Equal("jira-export", error.Source);
        Assert.Contains("'jira-export'", error.Message, StringComparison.Ordinal);
        Assert.Contains(folder, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Registered_kind_resolves_path_from_the_config_folder_and_teams_from_options()
    {
        temp.Copy("azure-devops/workitems-list-ids.json", "samples/ado/page-1.json"); // Microsoft's wrapper unwrapped
        var services = new ServiceCollection()
            .AddSingleton(new ConfigLocation(temp.Path))
            .AddSingleton(Options.Create(new LinkerOptions
            {
                Teams = new(StringComparer.OrdinalIgnoreCase) { ["ado-export:Fabrikam-Fiber-Git"] = "fiber" },
            }))
            .AddFilesSource()
            .BuildServiceProvider();
        var kind = Assert.Single(services.GetServices<SourceKind>());

        var source = kind.Create(services, new SourceOptions { Name = "ado-export", Kind = "files", Format = "azure-devops", Path = "samples/ado" });
        var page = Assert.Single(await ReadAll(source, cursor: null));

        Assert.Equal("files", kind.Kind);
        Assert.Equal("ado-export", source.Name);
        Assert.Equal(["297", "299", "300"], page.Items.Select(i => i.Key));
        Assert.All(page.Items, item => Assert.Equal("fiber", item.Team));
    }

    [Theory]
    [InlineData("trello", "Format 'trello' is not known")]
    [InlineData(null, "Format '' is not known")]
    public void Unknown_format_throws_a_source_exception_naming_the_key(string? format, string expected)
    {
        var services = new ServiceCollection().BuildServiceProvider();

        var error = Assert.Throws<SourceException>(() => FilesSource.Create(
            services, new SourceOptions { Name = "odd", Kind = "files", Format = format, Path = "x" }));

        Assert.Equal("odd", error.Source);
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        Assert.Contains("Sources[].Format", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_path_throws_a_source_exception_naming_the_key()
    {
        var error = Assert.Throws<SourceException>(() => FilesSource.Create(
            new ServiceCollection().BuildServiceProvider(), new SourceOptions { Name = "odd", Kind = "files", Format = "csv" }));

        Assert.Contains("Sources[].Path", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Csv_folder_reads_csv_files_and_a_bad_row_names_file_line_and_column()
    {
        temp.Write("csv/a.csv", "key,title,state,created\nPAY-1,One,Done,2026-10-05\n");
        var bad = temp.Write("csv/b.csv", "key,title,state,created\nPAY-2,Two,Done,soon\n");
        temp.Write("csv/notes.json", "{}");
        var source = new FilesSource(
            new SourceOptions { Name = "sheet", Kind = "files", Format = "csv", Path = "csv" },
            Path.Combine(temp.Path, "csv"),
            FilesFormat.Csv,
            TeamResolver.Empty);

        var scope = Assert.Single(await source.GetScopesAsync(CancellationToken.None));
        var pages = source.ReadAsync(scope, null, CancellationToken.None).GetAsyncEnumerator();
        Assert.True(await pages.MoveNextAsync());
        Assert.Equal("PAY-1", Assert.Single(pages.Current.Items).Key);
        var error = await Assert.ThrowsAsync<SourceException>(async () => await pages.MoveNextAsync());
        await pages.DisposeAsync();

        Assert.Equal($"Source 'sheet': {bad}, line 2, column 'created': 'soon' is not an ISO 8601 timestamp.", error.Message);
        Assert.IsType<FormatException>(error.InnerException);
    }

    [Fact]
    public async Task Broken_json_names_the_file()
    {
        var broken = temp.Write("gh/page-1.json", "[ { \"id\": 1, ");
        var source = new FilesSource(
            new SourceOptions { Name = "gh-export", Kind = "files", Format = "github", Path = "gh" },
            Path.Combine(temp.Path, "gh"),
            FilesFormat.GitHub,
            TeamResolver.Empty);

        var error = await Assert.ThrowsAsync<SourceException>(() => ReadAll(source, cursor: null));

        Assert.StartsWith($"Source 'gh-export': {broken} is not valid JSON", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Github_folder_reads_the_recorded_pages_and_skips_header_files()
    {
        for (var page = 1; page <= 5; page++)
        {
            temp.Copy($"github/issues-list-for-repo-page{page}.json", $"gh/page-{page}.json");
            temp.Copy($"github/issues-list-for-repo-page{page}.headers.txt", $"gh/page-{page}.headers.txt");
        }

        var source = new FilesSource(
            new SourceOptions { Name = "gh-export", Kind = "files", Format = "github", Path = "gh" },
            Path.Combine(temp.Path, "gh"),
            FilesFormat.GitHub,
            TeamResolver.Empty);

        var pages = await ReadAll(source, cursor: null);

        Assert.Equal([3, 3, 3, 3, 1], pages.Select(p => p.Items.Count));
        Assert.All(pages.SelectMany(p => p.Items), item => Assert.Equal(StateCategory.ToDo, item.Category));
    }

    private FilesSource CsvFolder(int pageSize)
    {
        temp.Write(
            "csv/backlog.csv",
            "key,title,state,created\nPAY-1,One,Done,2026-10-05\nPAY-2,Two,Done,2026-10-05\nPAY-3,Three,Done,2026-10-05\nPAY-4,Four,Done,2026-10-05\nPAY-5,Five,Done,2026-10-05\n");
        return new FilesSource(
            new SourceOptions { Name = "sheet", Kind = "files", Format = "csv", Path = "csv" },
            Path.Combine(temp.Path, "csv"),
            FilesFormat.Csv,
            TeamResolver.Empty,
            pageSize);
    }

    [Fact]
    public async Task A_csv_file_is_read_as_pages_of_the_page_size_each_cursor_saying_the_rows_committed()
    {
        var source = CsvFolder(pageSize: 2);

        var pages = await ReadAll(source, cursor: null);

        Assert.Equal([["PAY-1", "PAY-2"], ["PAY-3", "PAY-4"], ["PAY-5"]], pages.Select(p => p.Items.Select(i => i.Key).ToArray()));
        var fingerprint = pages[0].Cursor.Split(':')[0];
        Assert.Equal([$"{fingerprint}:2|backlog.csv", $"{fingerprint}:4|backlog.csv", $"{fingerprint}|backlog.csv"], pages.Select(p => p.Cursor));
    }

    [Fact]
    public async Task A_cursor_inside_a_csv_file_resumes_with_the_next_row_and_the_last_cursor_yields_nothing()
    {
        var source = CsvFolder(pageSize: 2);
        var pages = await ReadAll(source, cursor: null);

        var resumed = await ReadAll(source, pages[0].Cursor);

        Assert.Equal([["PAY-3", "PAY-4"], ["PAY-5"]], resumed.Select(p => p.Items.Select(i => i.Key).ToArray()));
        Assert.Empty(await ReadAll(source, pages[^1].Cursor));
    }

    [Fact]
    public async Task A_cursor_inside_a_csv_file_that_changed_since_reads_it_from_the_start()
    {
        var source = CsvFolder(pageSize: 2);
        var pages = await ReadAll(source, cursor: null);
        File.AppendAllText(Path.Combine(temp.Path, "csv", "backlog.csv"), "PAY-6,Six,Done,2026-10-05\n");

        var after = await ReadAll(source, pages[0].Cursor);

        Assert.Equal(["PAY-1", "PAY-2", "PAY-3", "PAY-4", "PAY-5", "PAY-6"], after.SelectMany(p => p.Items).Select(i => i.Key));
    }

    [Fact]
    public async Task A_cursor_reads_back_whatever_the_file_name_and_a_bad_row_count_reads_as_no_cursor()
    {
        Assert.Equal(new FilesCursor("0123abcd", "a|b.csv"), FilesCursor.Parse("0123abcd|a|b.csv"));
        Assert.Equal(new FilesCursor("0123abcd", "a|b.csv", 20_000), FilesCursor.Parse("0123abcd:20000|a|b.csv"));
        Assert.Equal(new FilesCursor("0123abcd", "a|b.csv", 20_000, "99ff"), FilesCursor.Parse("0123abcd.99ff:20000|a|b.csv"));
        Assert.Equal(new FilesCursor("0123abcd", "b.csv", Stamp: "99ff"), FilesCursor.Parse("0123abcd.99ff|b.csv"));
        Assert.Equal("0123abcd.99ff:20000|a|b.csv", new FilesCursor("0123abcd", "a|b.csv", 20_000, "99ff").ToString());
        Assert.Null(FilesCursor.Parse("0123abcd:x|b.csv"));
        Assert.Null(FilesCursor.Parse("no bar"));
    }

    // The five-row CSV written at a known time and read once whole.
    private async Task<(FilesSource Source, string File, DateTime Written, List<WorkItemPage> Pages)> ReadStampedCsvAsync()
    {
        var source = CsvFolder(pageSize: 10);
        var file = Path.Combine(temp.Path, "csv", "backlog.csv");
        var written = new DateTime(2026, 11, 30, 8, 0, 0, DateTimeKind.Utc);
        File.SetLastWriteTimeUtc(file, written);
        return (source, file, written, await ReadAll(source, cursor: null));
    }

    [Fact]
    public async Task A_csv_file_rewritten_with_the_same_size_and_a_new_modification_time_is_read_again()
    {
        var (source, file, written, before) = await ReadStampedCsvAsync();
        var size = new FileInfo(file).Length;

        // Same length, one title changed: only the modification time tells the stamp that the file is new.
        File.WriteAllText(file, File.ReadAllText(file).Replace("Three", "Tres."));
        File.SetLastWriteTimeUtc(file, written.AddSeconds(1));
        Assert.Equal(size, new FileInfo(file).Length);

        var after = await ReadAll(source, before[^1].Cursor);

        var page = Assert.Single(after);
        Assert.Equal("Tres.", page.Items.Single(i => i.Key == "PAY-3").Title);
        Assert.NotEqual(FilesCursor.Parse(before[^1].Cursor)!.Fingerprint, FilesCursor.Parse(page.Cursor)!.Fingerprint);
    }

    [Fact]
    public async Task An_unchanged_stamp_is_taken_as_unchanged_content_without_hashing_and_an_old_cursor_without_one_is_hashed()
    {
        var (source, file, written, pages) = await ReadStampedCsvAsync();
        var cursor = FilesCursor.Parse(pages[^1].Cursor)!;

        // The content changes behind the same name, size and time: the stamp is trusted, so nothing is read
        // (what the stamp promises; rsync's quick check makes the same trade).
        File.WriteAllText(file, File.ReadAllText(file).Replace("Three", "Tres."));
        File.SetLastWriteTimeUtc(file, written);
        Assert.Empty(await ReadAll(source, cursor.ToString()));

        // A cursor from before stamps carries the fingerprint alone: the content is hashed, found changed, read again.
        var old = await ReadAll(source, (cursor with { Stamp = null }).ToString());
        Assert.Equal("Tres.", Assert.Single(old).Items.Single(i => i.Key == "PAY-3").Title);
    }

    [Fact]
    public async Task Unchanged_content_under_a_new_stamp_yields_one_empty_page_that_records_the_stamp()
    {
        var (source, file, _, pages) = await ReadStampedCsvAsync();
        var cursor = FilesCursor.Parse(pages[^1].Cursor)!;

        // Touched: same content, a later time. The content is hashed, found the same, and only the stamp is new.
        File.SetLastWriteTimeUtc(file, new DateTime(2026, 11, 30, 9, 0, 0, DateTimeKind.Utc));
        var touched = Assert.Single(await ReadAll(source, cursor.ToString()));

        Assert.Empty(touched.Items);
        var recorded = FilesCursor.Parse(touched.Cursor)!;
        Assert.Equal(cursor.Fingerprint, recorded.Fingerprint);
        Assert.NotEqual(cursor.Stamp, recorded.Stamp);
        Assert.Empty(await ReadAll(source, touched.Cursor));

        // A cursor from before stamps gets the stamp the same way.
        var upgraded = Assert.Single(await ReadAll(source, (recorded with { Stamp = null }).ToString()));
        Assert.Empty(upgraded.Items);
        Assert.Equal(touched.Cursor, upgraded.Cursor);
    }
}
