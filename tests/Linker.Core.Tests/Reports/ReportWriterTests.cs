using OkrLinker.Core.Reports;

namespace OkrLinker.Core.Tests.Reports;

public sealed class ReportWriterTests : IDisposable
{
    private readonly string folder = Path.Combine(Path.GetTempPath(), "okrlinker-out-" + Guid.NewGuid().ToString("N"));
    private readonly ReportWriter writer = new([new MarkdownReportRenderer(), new JsonReportRenderer()]);

    public void Dispose()
    {
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task Writes_report_week_dot_format_files_and_nothing_else()
    {
        var written = await writer.WriteAsync(ReportSamples.Report(), ["JSON", "md", "json"], folder, CancellationToken.None);

        Assert.Equal([Path.Combine(folder, "report-2026-W47.json"), Path.Combine(folder, "report-2026-W47.md")], written);
        Assert.Equal(["report-2026-W47.json", "report-2026-W47.md"], Directory.GetFiles(folder).Select(Path.GetFileName).Order());
    }

    [Fact]
    public async Task An_unknown_format_is_refused_by_name()
    {
        var error = await Assert.ThrowsAsync<ArgumentException>(() => writer.WriteAsync(ReportSamples.Report(), ["pdf"], folder, CancellationToken.None));

        Assert.StartsWith("No report format 'pdf' (known: md, json).", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_format_among_known_ones_writes_no_file_at_all()
    {
        await Assert.ThrowsAsync<ArgumentException>(() => writer.WriteAsync(ReportSamples.Report(), ["md", "json", "pdf"], folder, CancellationToken.None));

        Assert.False(Directory.Exists(folder) && Directory.EnumerateFileSystemEntries(folder).Any());
    }

    [Fact]
    public async Task The_json_file_is_the_bytes_of_the_one_serialization_whatever_the_formats_beside_it()
    {
        var report = ReportSamples.Report();
        await writer.WriteAsync(report, ["md", "json"], folder, CancellationToken.None);

        Assert.Equal(ReportJson.Utf8(report), await File.ReadAllBytesAsync(Path.Combine(folder, "report-2026-W47.json")));
        Assert.Equal(System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(report, ReportJson.Options), ReportJson.Utf8(report));
    }
}
