using System.Text.Json;

namespace OkrLinker.Core.Reports;

internal sealed class JsonReportRenderer : IReportRenderer
{
    public string Format => "json";

    public Task RenderAsync(WeeklyReport report, Stream output, CancellationToken cancellationToken) =>
        JsonSerializer.SerializeAsync(output, report, ReportJson.Options, cancellationToken);
}
