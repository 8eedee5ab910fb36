using System.Text;
using OkrLinker.Core.Reports;

namespace OkrLinker.Worker.Tests.Delivery.Support;

/// <summary>
/// Stands in for the html renderer another part adds. Its CSS line starts with "." so a mail carrying
/// it exercises SMTP dot-stuffing on the way in and out.
/// </summary>
internal sealed class FakeHtmlRenderer : IReportRenderer
{
    public static string Html(WeeklyReport report) =>
        $"<!DOCTYPE html>\n<html><head><style>\n.unlinked {{ color: #b00 }}\n</style></head>\n<body><h1>OKR line-of-sight {report.Week}</h1></body></html>\n";

    public string Format => "html";

    public Task RenderAsync(WeeklyReport report, Stream output, CancellationToken cancellationToken) =>
        output.WriteAsync(Encoding.UTF8.GetBytes(Html(report)), cancellationToken).AsTask();
}
