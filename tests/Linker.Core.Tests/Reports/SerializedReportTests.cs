using System.Text.Json;
using OkrLinker.Core.Reports;

namespace OkrLinker.Core.Tests.Reports;

public sealed class SerializedReportTests
{
    [Fact]
    public async Task A_report_of_many_64_kb_chunks_is_the_serializers_bytes_and_its_gzip_gives_them_back()
    {
        // 4,000 unlinked items: about 1 MB of JSON, so the writer hands dozens of flushes to the gzip.
        var report = ReportSamples.Report() with
        {
            UnlinkedItems = [.. Enumerable.Range(1, 4000).Select(n => new UnlinkedItem("jira", $"PAY-{n}", $"Ünlinked wörk <{n}>", null, "payments", "Story", "In Progress", n % 7))],
        };
        var expected = JsonSerializer.SerializeToUtf8Bytes(report, ReportJson.Options);

        var serialized = SerializedReport.Of(report, ReportJson.Options);
        using var file = new MemoryStream();
        await serialized.WriteJsonAsync(file, CancellationToken.None);

        Assert.True(expected.Length > 12 * 64 * 1024, $"only {expected.Length} bytes");
        Assert.Equal(expected.Length, serialized.Length);
        Assert.Equal(expected, serialized.ToArray());
        Assert.Equal(expected, file.ToArray());
        Assert.Equal(expected, ReportArchive.Gunzip(serialized.Gzip));
    }
}
