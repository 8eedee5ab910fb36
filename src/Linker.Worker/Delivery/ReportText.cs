using System.Text;
using OkrLinker.Core.Reports;

namespace OkrLinker.Worker.Delivery;

/// <summary>A report rendered to text by the registered <see cref="IReportRenderer"/> of a format.</summary>
internal sealed class ReportText(IEnumerable<IReportRenderer> renderers)
{
    public bool Has(string format) => Find(format) is not null;

    /// <summary>The text, or null when no renderer of <paramref name="format"/> is registered.</summary>
    public async Task<string?> RenderAsync(WeeklyReport report, string format, CancellationToken cancellationToken)
    {
        if (Find(format) is not { } renderer)
        {
            return null;
        }

        using var buffer = new MemoryStream();
        await renderer.RenderAsync(report, buffer, cancellationToken);
        buffer.Position = 0;
        using var reader = new StreamReader(buffer, Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        return await reader.ReadToEndAsync(cancellationToken);
    }

    private IReportRenderer? Find(string format) =>
        renderers.FirstOrDefault(r => string.Equals(r.Format, format, StringComparison.OrdinalIgnoreCase));
}
