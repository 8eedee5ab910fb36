namespace OkrLinker.Core.Reports;

/// <summary>Writes a report in one format. Renderers never throw for odd tracker text: they escape it.</summary>
public interface IReportRenderer
{
    /// <summary>The <c>Report.Formats</c> name, which is also the file extension: md, json, html, csv.</summary>
    string Format { get; }

    Task RenderAsync(WeeklyReport report, Stream output, CancellationToken cancellationToken);
}
