using OkrLinker.Worker.Tests.Support;

namespace OkrLinker.Worker.Tests.Cli;

/// <summary>The exit codes and messages of DESIGN.md §5, verb by verb, on small hand-made configs.</summary>
public sealed class VerbExitCodeTests : IDisposable
{
    // In W47 (2026-11-16 .. 2026-11-23 UTC): PAY-1 in progress and tagged, PAY-2 in progress and
    // unlinked (3 pts), PAY-3 a bug resolved in the week (BAU). 1 of 3 unlinked → share 0.3333.
    private const string Backlog = $"""
        {CsvConfig.Header}
        PAY-1,Retry declined cards,Story,In Progress,payments,kr:O1-KR1,,5,2026-11-02T09:00:00Z,
        PAY-2,Refactor the card vault,Story,In Progress,payments,,,3,2026-11-03T09:00:00Z,
        PAY-3,Fix 3DS timeout,Bug,Done,payments,,,1,2026-11-04T09:00:00Z,2026-11-18T10:00:00Z
        """;

    private readonly TempConfig config = new TempConfig()
        .WithOkrs(TempConfig.GoodOkrs)
        .WithFile("samples/csv/backlog.csv", Backlog);

    public void Dispose() => config.Dispose();

    [Fact]
    public async Task Run_once_syncs_links_and_writes_both_report_files()
    {
        config.WithConfig(CsvConfig.Json());

        var run = await config.RunAsync("run", "--once");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("Work that serves no OKR: 33.3% of 3 items (1 unlinked, 1 linked, 1 BAU)", run.Out, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(config.OutFolder, "report-2026-W47.json")));
        Assert.True(File.Exists(Path.Combine(config.OutFolder, "report-2026-W47.md")));
    }

    [Fact]
    public async Task Run_once_exits_1_when_a_source_fails_but_still_syncs_the_others_and_reports()
    {
        config.WithConfig(CsvConfig.Json("""
            [{ "Name": "csv", "Kind": "files", "Format": "csv", "Path": "samples/csv" },
             { "Name": "gone", "Kind": "files", "Format": "csv", "Path": "samples/not-there" }]
            """));

        var run = await config.RunAsync("run", "--once");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("of 3 items", run.Out, StringComparison.Ordinal);
        Assert.Contains("Source gone FAILED:", run.Out, StringComparison.Ordinal);
        Assert.Contains("not-there", run.Out, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(config.OutFolder, "report-2026-W47.json")));
    }

    [Fact]
    public async Task A_missing_config_file_exits_2_and_says_where_it_looked()
    {
        var run = await config.RunAsync("lint");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains($"no config file at {config.ConfigPath}", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_config_that_is_not_json_exits_2()
    {
        config.WithConfig("{ \"Okrs\": { \"Path\": ");

        var run = await config.RunAsync("sync");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("linker.json", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Invalid_settings_exit_2_and_name_each_key()
    {
        config.WithConfig(CsvConfig.Json(
            """[{ "Name": "csv", "Kind": "files", "Format": "csv", "Path": "samples/csv" }, { "Name": "CSV", "Kind": "" }]""",
            """, "Web": { "Urls": "http://127.0.0.1:8080" } """).Replace("2026-W47", "2026-W60", StringComparison.Ordinal));

        var run = await config.RunAsync("run", "--once");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("Sources:1:Name: 'CSV' is used by another source", run.Error, StringComparison.Ordinal);
        Assert.Contains("Sources:1:Kind:", run.Error, StringComparison.Ordinal);
        Assert.Contains("Report:Week: '2026-W60' is not an ISO week", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_source_kind_exits_2_and_names_the_key()
    {
        config.WithConfig(CsvConfig.Json("""[{ "Name": "j", "Kind": "jirra" }]"""));

        var run = await config.RunAsync("run", "--once");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("Sources:0:Kind: unknown kind 'jirra' (known: files, github, jira, azure-devops", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_broken_okrs_file_exits_2_with_file_line_column_and_key()
    {
        config.WithConfig(CsvConfig.Json()).WithOkrs(TempConfig.GoodOkrs.Replace("target: 50", "target: fifty", StringComparison.Ordinal));

        var run = await config.RunAsync("run", "--once");

        // "target: fifty" is line 9 of GoodOkrs; the value starts at column 17, after 8 spaces and "target: ".
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("okrs.yaml:9:17: objectives[0].keyResults[0].target: ", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_bad_linking_pattern_exits_2_and_names_the_key()
    {
        config.WithConfig(CsvConfig.Json().Replace(
            "\"Linking\": {", "\"Linking\": { \"TagPatterns\": [ \"^kr:(?<kr>[\" ],", StringComparison.Ordinal));

        var run = await config.RunAsync("lint");

        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith("Linking:TagPatterns:0:", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Lint_exits_0_on_a_clean_okr_set()
    {
        config.WithConfig(CsvConfig.Json());

        var run = await config.RunAsync("lint");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("1 objectives, 2 key results, period 2026-Q4", run.Out, StringComparison.Ordinal);
        Assert.Contains("No findings.", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Lint_exits_1_and_prints_the_findings()
    {
        config.WithConfig(CsvConfig.Json()).WithOkrs(TempConfig.GoodOkrs.Replace("baseline: 9", "baseline: 4", StringComparison.Ordinal));

        var run = await config.RunAsync("lint");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("kr-target-equals-baseline", run.Out, StringComparison.Ordinal);
        Assert.Contains("O1-KR2", run.Out, StringComparison.Ordinal);
        Assert.Contains("1 finding(s).", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Report_renders_from_the_store_into_the_folder_and_formats_asked()
    {
        config.WithConfig(CsvConfig.Json());
        Assert.Equal(0, (await config.RunAsync("sync")).ExitCode);
        var elsewhere = Path.Combine(config.Root, "elsewhere");

        var run = await config.RunAsync("report", "--week", "2026-W46", "--format", "json", "--out", elsewhere);

        // In W46 (11-09 .. 11-16) PAY-1 and PAY-2 are in progress; the bug was resolved in W47.
        Assert.Equal(0, run.ExitCode);
        Assert.Contains("50.0% of 2 items", run.Out, StringComparison.Ordinal);
        Assert.Equal(["report-2026-W46.json"], Directory.GetFiles(elsewhere).Select(Path.GetFileName));
    }

    [Fact]
    public async Task Report_with_an_unknown_format_exits_2()
    {
        config.WithConfig(CsvConfig.Json());

        var run = await config.RunAsync("report", "--format", "pdf");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--format: unknown format 'pdf' (known: md, json, html, csv)", run.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("report", "--week", "2026-47")]
    [InlineData("sink")]
    [InlineData("sync", "--sauce", "x")]
    public async Task A_bad_command_line_exits_2(params string[] args)
    {
        config.WithConfig(CsvConfig.Json());

        var run = await config.RunAsync(args);

        Assert.Equal(2, run.ExitCode);
        Assert.NotEqual("", run.Error);
    }

    [Fact]
    public async Task Sync_of_one_named_source_leaves_the_others_alone()
    {
        config.WithConfig(CsvConfig.Json("""
            [{ "Name": "csv", "Kind": "files", "Format": "csv", "Path": "samples/csv" },
             { "Name": "gone", "Kind": "files", "Format": "csv", "Path": "samples/not-there" }]
            """));

        var run = await config.RunAsync("sync", "--source", "csv");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("csv", run.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("gone", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sync_of_an_unknown_source_name_exits_2()
    {
        config.WithConfig(CsvConfig.Json());

        var run = await config.RunAsync("sync", "--source", "jira");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--source: no source is named 'jira' (configured: csv)", run.Error, StringComparison.Ordinal);
    }
}
