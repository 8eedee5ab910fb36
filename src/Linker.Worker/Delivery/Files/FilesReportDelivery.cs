using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OkrLinker.Core.Configuration;
using OkrLinker.Core.Reports;

namespace OkrLinker.Worker.Delivery.Files;

/// <summary>
/// Writes the report files of the entry's <c>Formats</c> (default <c>Report.Formats</c>) to its
/// <c>Folder</c> (default <c>Report.Output</c>), relative to the config file.
/// </summary>
internal sealed class FilesReportDelivery(
    ReportWriter writer, IOptions<LinkerOptions> linker, ConfigLocation location, ILogger<FilesReportDelivery> logger) : IReportDelivery
{
    public string Kind => DeliveryKinds.Files;

    public async Task DeliverAsync(WeeklyReport report, DeliveryOptions options, CancellationToken cancellationToken)
    {
        var defaults = linker.Value.Report;
        var formats = options.Formats.Count > 0 ? options.Formats : defaults.Formats;
        var folder = location.Resolve(string.IsNullOrWhiteSpace(options.Folder) ? defaults.Output : options.Folder);
        var unknown = formats.Where(f => !writer.KnownFormats.Contains(f.Trim(), StringComparer.OrdinalIgnoreCase)).ToList();
        if (unknown.Count > 0)
        {
            throw new DeliveryException(
                $"no renderer for {string.Join(", ", unknown.Select(f => $"'{f}'"))} (known: {string.Join(", ", writer.KnownFormats)})",
                options.Formats.Count > 0 ? "Formats" : null,
                permanent: true);
        }

        IReadOnlyList<string> written;
        try
        {
            written = await writer.WriteAsync(report, formats, folder, cancellationToken);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new DeliveryException($"cannot write to {folder}: {ex.Message}", innerException: ex);
        }

        logger.Written(report.Week, folder, written);
    }
}
