namespace OkrLinker.Core.Reports;

internal sealed class JsonReportRenderer : IReportRenderer
{
    public string Format => "json";

    public async Task RenderAsync(WeeklyReport report, Stream output, CancellationToken cancellationToken) =>
        await output.WriteAsync(ReportJson.Utf8(report), cancellationToken);
}
