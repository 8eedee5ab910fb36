namespace OkrLinker.Core.Reports;

internal sealed class JsonReportRenderer : IReportRenderer
{
    public string Format => "json";

    public Task RenderAsync(WeeklyReport report, Stream output, CancellationToken cancellationToken) =>
        ReportJson.Serialize(report).WriteJsonAsync(output, cancellationToken);
}
