using System.Text.Json;
using OkrLinker.Core.Reports;

namespace OkrLinker.Core.Tests.Reports;

public sealed class JsonReportRendererTests
{
    [Fact]
    public async Task Writes_the_schema_version_1_field_names_of_the_design()
    {
        using var doc = JsonDocument.Parse(await RenderAsync(ReportSamples.Report()));
        var root = doc.RootElement;

        Assert.Equal(
            ["schemaVersion", "week", "from", "to", "generatedAt", "period", "totals", "teams", "objectives", "unlinkedItems", "findings", "trend"],
            root.EnumerateObject().Select(p => p.Name));
        Assert.Equal(1, root.GetProperty("schemaVersion").GetInt32());
        Assert.Equal("2026-W47", root.GetProperty("week").GetString());
        Assert.Equal("2026-11-16T00:00:00+00:00", root.GetProperty("from").GetString());
        Assert.Equal(
            ["items", "linked", "bau", "unlinked", "unlinkedShare", "points"],
            root.GetProperty("totals").EnumerateObject().Select(p => p.Name));
        Assert.Equal(0.3, root.GetProperty("totals").GetProperty("points").GetProperty("unlinkedShare").GetDouble());
        Assert.Equal(
            ["team", "items", "linked", "bau", "unlinked", "unlinkedShare", "points"],
            root.GetProperty("teams")[0].EnumerateObject().Select(p => p.Name));

        var kr = root.GetProperty("objectives")[0].GetProperty("keyResults")[1];
        Assert.Equal(JsonValueKind.Null, kr.GetProperty("baseline").ValueKind);
        Assert.Equal(JsonValueKind.Null, kr.GetProperty("progress").ValueKind);
        Assert.Equal(["total", "todo", "inProgress", "done"], kr.GetProperty("items").EnumerateObject().Select(p => p.Name));
        Assert.Equal(["no-work", "no-baseline", "stale-metric"], kr.GetProperty("flags").EnumerateArray().Select(f => f.GetString()));
        Assert.Equal(
            ["id", "title", "baseline", "target", "current", "progress", "expected", "status", "baselineSource", "samples",
             "unit", "items", "points", "lastActivity", "teams", "flags", "staleReason"],
            kr.EnumerateObject().Select(p => p.Name));
        Assert.Equal(JsonValueKind.Null, kr.GetProperty("baselineSource").ValueKind);
        Assert.Equal("sheets: no file 'ttv.csv' in samples/metrics", kr.GetProperty("staleReason").GetString());

        var pulled = root.GetProperty("objectives")[0].GetProperty("keyResults")[2];
        Assert.Equal((0.5625, 0.5761, "on-track"), (pulled.GetProperty("progress").GetDouble(), pulled.GetProperty("expected").GetDouble(), pulled.GetProperty("status").GetString()));
        var source = pulled.GetProperty("baselineSource");
        Assert.Equal(["provider", "query", "at", "value", "capturedAt"], source.EnumerateObject().Select(p => p.Name));
        Assert.Equal(("sheets", "lead-time.csv", "2026-10-01T00:00:00+00:00", 4.2), (source.GetProperty("provider").GetString(), source.GetProperty("query").GetString(), source.GetProperty("at").GetString(), source.GetProperty("value").GetDouble()));
        Assert.Equal(
            [("2026-10-01T00:00:00+00:00", 4.2), ("2026-11-01T00:00:00+00:00", 3.1), ("2026-11-22T00:00:00+00:00", 2.4)],
            pulled.GetProperty("samples").EnumerateArray().Select(x => (x.GetProperty("at").GetString(), x.GetProperty("value").GetDouble())));

        Assert.Equal(
            ["source", "key", "title", "url", "team", "type", "state", "points", "link"],
            root.GetProperty("unlinkedItems")[0].EnumerateObject().Select(p => p.Name));
        Assert.Equal(["rule", "severity", "subject", "message"], root.GetProperty("findings")[0].EnumerateObject().Select(p => p.Name));
        Assert.Equal("2026-W46", root.GetProperty("trend")[0].GetProperty("week").GetString());
        Assert.Equal(0.3333, root.GetProperty("trend")[0].GetProperty("unlinkedShare").GetDouble());
    }

    [Fact]
    public async Task Reads_back_into_the_same_report()
    {
        var report = ReportSamples.Report();

        var back = ReportJson.Read(await RenderAsync(report));

        Assert.Equal(await RenderAsync(report), await RenderAsync(back));
    }

    private static async Task<string> RenderAsync(WeeklyReport report)
    {
        using var stream = new MemoryStream();
        await new JsonReportRenderer().RenderAsync(report, stream, CancellationToken.None);
        return System.Text.Encoding.UTF8.GetString(stream.ToArray());
    }
}
