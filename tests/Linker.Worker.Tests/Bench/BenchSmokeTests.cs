using OkrLinker.Bench;

namespace OkrLinker.Worker.Tests.Bench;

/// <summary>
/// The benchmark harness (bench/Linker.Bench) at a size of seconds, so it keeps building and running;
/// the figures themselves are for docs/benchmarks.md, never asserted.
/// </summary>
public sealed class BenchSmokeTests
{
    [Fact]
    public async Task The_ingest_scenario_syncs_resyncs_and_reports_every_format_in_processes_of_their_own()
    {
        var output = new StringWriter();

        var code = await BenchCommand.RunAsync(["ingest", "--items", "500", "--seed", "1"], output, CancellationToken.None);

        Assert.True(code == 0, output.ToString());
        var text = output.ToString();
        Assert.Contains("| sync (first) | 500 |", text, StringComparison.Ordinal);
        Assert.Contains("| sync (unchanged) | 500 |", text, StringComparison.Ordinal);
        Assert.Contains("| sync --full (unchanged) | 500 |", text, StringComparison.Ordinal);
        Assert.Contains("| report md,json,html,csv | 500 |", text, StringComparison.Ordinal);
        Assert.Contains("reports: report-2026-W47.csv, report-2026-W47.html, report-2026-W47.json, report-2026-W47.md", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_page_scenario_commits_one_page_then_rereads_it_unchanged_and_with_one_in_a_hundred_changed()
    {
        var output = new StringWriter();

        var code = await BenchCommand.RunAsync(["page", "--items", "300", "--seed", "1"], output, CancellationToken.None);

        Assert.True(code == 0, output.ToString());
        var text = output.ToString();
        Assert.EndsWith("| 300 | 0 | 0 |", Row(text, "| one page, first commit (inserts) |"), StringComparison.Ordinal);
        Assert.EndsWith("| 0 | 0 | 300 |", Row(text, "| one page, unchanged re-read |"), StringComparison.Ordinal);
        Assert.EndsWith("| 0 | 3 | 297 |", Row(text, "| one page, 1 % changed |"), StringComparison.Ordinal);
        Assert.EndsWith("| 300 | 0 | 0 |", Row(text, "| pages of 100, first commit (inserts) |"), StringComparison.Ordinal);
        Assert.EndsWith("| 0 | 0 | 300 |", Row(text, "| pages of 100, unchanged re-read |"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_github_scenario_runs_octokit_paginate_and_okrlinker_sync_against_the_same_fake_and_counts_their_requests()
    {
        var output = new StringWriter();
        var projectItems = Fakes.FakeGitHubData.Generate(47, "acme", ["monorepo"], 300).Snapshot().Count(i => i.InProject);
        var graphQl = (projectItems + 99) / 100;

        var code = await BenchCommand.RunAsync(["github", "--items", "300", "--latency-ms", "5"], output, CancellationToken.None);

        Assert.True(code == 0, output.ToString());
        var text = output.ToString();
        // octokit: pages 1-3; okrlinker: the change probe and pages 1-3, then the probe's 304; the project's pages each time.
        Assert.Contains("| 300 | 3 |", Row(text, "| octokit.paginate"), StringComparison.Ordinal);
        Assert.Contains($"| 300 | {4 + graphQl} (4 REST, {graphQl} GraphQL) |", Row(text, "| okrlinker sync, first"), StringComparison.Ordinal);
        Assert.Contains($"| 300 | {1 + graphQl} (1 REST, {graphQl} GraphQL) |", Row(text, "| okrlinker sync, no change"), StringComparison.Ordinal);
        Assert.StartsWith("ratio first sync / octokit.paginate: ", text.Split('\n').Single(l => l.StartsWith("ratio", StringComparison.Ordinal)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_jira_scenario_syncs_a_Data_Center_project_one_page_after_the_other_and_side_by_side_in_the_same_requests()
    {
        var output = new StringWriter();

        var code = await BenchCommand.RunAsync(["jira", "--items", "300", "--latency-ms", "5", "--flavor", "datacenter", "--concurrency", "1,2"], output, CancellationToken.None);

        Assert.True(code == 0, output.ToString());
        var rows = TrackerRows(output.ToString());
        // The field list and three searches; without change the field list and one search.
        Assert.Equal([("1", "4", "2"), ("2", "4", "2")], rows);
    }

    [Fact]
    public async Task The_azure_devops_scenario_syncs_a_project_one_batch_after_the_other_and_side_by_side_in_the_same_requests()
    {
        var output = new StringWriter();

        var code = await BenchCommand.RunAsync(["azure-devops", "--items", "300", "--latency-ms", "5", "--concurrency", "1,2"], output, CancellationToken.None);

        Assert.True(code == 0, output.ToString());
        var rows = TrackerRows(output.ToString());
        Assert.Equal(["1", "2"], rows.Select(r => r.Concurrency));
        Assert.Equal(rows[0].First, rows[1].First);
        Assert.All(rows, r => Assert.Equal("1", r.Again)); // one WIQL query
    }

    // The tracker scenarios' table: concurrency, first sync's requests, the re-sync's requests.
    private static List<(string Concurrency, string First, string Again)> TrackerRows(string text) =>
        [.. text.Split('\n').Where(l => System.Text.RegularExpressions.Regex.IsMatch(l, @"^\| \d+ \| \d+ \|")).Select(l => l.Split('|', StringSplitOptions.TrimEntries)).Select(c => (c[1], c[2], c[6]))];

    [Fact]
    public async Task The_dashboard_scenario_syncs_reports_and_times_the_pages_over_the_stored_report()
    {
        var output = new StringWriter();

        var code = await BenchCommand.RunAsync(["dashboard", "--items", "300", "--seed", "1"], output, CancellationToken.None);

        Assert.True(code == 0, output.ToString());
        var text = output.ToString();
        Assert.StartsWith("| home (/) |", Row(text, "| home (/) |"), StringComparison.Ordinal);
        Assert.StartsWith("| unlinked (/unlinked, page 1, sorted by points) |", Row(text, "| unlinked (/unlinked"), StringComparison.Ordinal);
        Assert.StartsWith("| once per refresh: read and parse the stored report JSON |", Row(text, "| once per refresh"), StringComparison.Ordinal);
    }

    private static string Row(string text, string start) =>
        text.Split('\n').Select(l => l.TrimEnd('\r')).Single(l => l.StartsWith(start, StringComparison.Ordinal));
}
