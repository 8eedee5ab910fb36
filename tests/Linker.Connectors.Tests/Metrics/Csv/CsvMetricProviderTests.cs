using OkrLinker.Connectors.Metrics.Csv;
using OkrLinker.Connectors.Tests.Support;
using OkrLinker.Core.Metrics;
using static OkrLinker.Connectors.Tests.Metrics.Support.MetricRequests;

namespace OkrLinker.Connectors.Tests.Metrics.Csv;

/// <summary>The csv provider: one file per series, <c>timestamp,value</c> rows, errors that name the file and line.</summary>
public sealed class CsvMetricProviderTests : IDisposable
{
    private readonly TempFolder folder = new();

    public void Dispose() => folder.Dispose();

    [Fact]
    public async Task Rows_in_the_range_come_back_oldest_first_with_a_header_skipped()
    {
        folder.Write("activation.csv", """
            timestamp,value
            2026-10-03,37.5
            2026-09-30,35

            2026-10-01T00:00:00Z,36
            2026-10-02T08:30:00+02:00,36.25
            2026-10-06,41
            """);

        var samples = await ReadAsync("activation.csv", Utc(10, 1), Utc(10, 5));

        Assert.Equal(
            [(Utc(10, 1), 36.0), (Utc(10, 2, 6, 30), 36.25), (Utc(10, 3), 37.5)],
            samples.Select(s => (s.At, s.Value)));
        Assert.All(samples, s => Assert.Equal("O1-KR1", s.KrId));
    }

    [Fact]
    public async Task A_file_without_header_reads_from_its_first_line()
    {
        folder.Write("lag.csv", "2026-10-01 06:00,12\n2026-10-02 06:00,9.5\n");

        var samples = await ReadAsync("lag.csv", Utc(9, 1), Utc(12, 31));

        Assert.Equal([(Utc(10, 1, 6), 12.0), (Utc(10, 2, 6), 9.5)], samples.Select(s => (s.At, s.Value)));
    }

    [Fact]
    public async Task A_value_that_is_not_a_number_names_file_and_line()
    {
        var file = folder.Write("lag.csv", "timestamp,value\n2026-10-01,12\n2026-10-02,twelve\n");

        var error = await FailsAsync("lag.csv");

        Assert.Equal($"Metric provider 'sheets', KR O1-KR1: {file} line 3: 'twelve' is not a number", error.Message);
    }

    [Fact]
    public async Task A_bad_timestamp_after_the_first_line_names_the_line()
    {
        var file = folder.Write("lag.csv", "2026-10-01,12\nyesterday,9\n");

        var error = await FailsAsync("lag.csv");

        Assert.Equal(
            $"Metric provider 'sheets', KR O1-KR1: {file} line 2: 'yesterday' is not a timestamp (ISO 8601, e.g. 2026-10-01 or 2026-10-01T06:00:00Z)",
            error.Message);
    }

    [Fact]
    public async Task A_row_with_three_fields_names_the_line()
    {
        var file = folder.Write("lag.csv", "2026-10-01,12,extra\n");

        var error = await FailsAsync("lag.csv");

        Assert.Equal($"Metric provider 'sheets', KR O1-KR1: {file} line 1: expected timestamp,value, got 3 field(s)", error.Message);
    }

    [Fact]
    public async Task The_same_time_twice_names_both_lines()
    {
        var file = folder.Write("lag.csv", "t,v\n2026-10-01,12\n2026-10-01T00:00:00Z,13\n");

        var error = await FailsAsync("lag.csv");

        Assert.Equal($"Metric provider 'sheets', KR O1-KR1: {file} line 3: 2026-10-01T00:00:00Z is already on line 2", error.Message);
    }

    [Fact]
    public async Task A_missing_file_is_a_missing_series()
    {
        var error = await FailsAsync("nope.csv");

        Assert.Equal($"Metric provider 'sheets', KR O1-KR1: no series file {Path.Combine(folder.Path, "nope.csv")}", error.Message);
    }

    [Fact]
    public async Task A_query_that_leaves_the_folder_is_refused()
    {
        var error = await FailsAsync("../secrets.csv");

        Assert.Equal($"Metric provider 'sheets', KR O1-KR1: query '../secrets.csv' must name a file inside {folder.Path}", error.Message);
    }

    private Task<IReadOnlyList<MetricSample>> ReadAsync(string file, DateTimeOffset from, DateTimeOffset to) =>
        new CsvMetricProvider("sheets", folder.Path).ReadAsync(For("sheets", file, from, to), CancellationToken.None);

    private Task<MetricProviderException> FailsAsync(string file) =>
        Assert.ThrowsAsync<MetricProviderException>(() => ReadAsync(file, Utc(9, 1), Utc(12, 31)));
}
