namespace OkrLinker.Core.Reports;

/// <summary>Writes <c>report-&lt;week&gt;.&lt;format&gt;</c> files; each appears whole or not at all.</summary>
public sealed class ReportWriter(IEnumerable<IReportRenderer> renderers)
{
    public IReadOnlyList<string> KnownFormats => renderers.Select(r => r.Format).ToList();

    public async Task<IReadOnlyList<string>> WriteAsync(
        WeeklyReport report, IEnumerable<string> formats, string folder, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(folder);
        var written = new List<string>();
        foreach (var format in formats.Select(f => f.Trim().ToLowerInvariant()).Distinct())
        {
            var renderer = renderers.FirstOrDefault(r => r.Format == format)
                ?? throw new ArgumentException($"No report format '{format}' (known: {string.Join(", ", KnownFormats)}).", nameof(formats));
            var path = Path.Combine(folder, $"report-{report.Week}.{format}");
            var temp = path + ".tmp";
            await using (var stream = File.Create(temp))
            {
                await renderer.RenderAsync(report, stream, cancellationToken);
            }

            File.Move(temp, path, overwrite: true);
            written.Add(path);
        }

        return written;
    }
}
