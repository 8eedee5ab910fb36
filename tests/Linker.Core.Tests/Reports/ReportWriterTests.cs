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
}
