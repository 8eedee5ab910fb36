namespace OkrLinker.Core.Reports;

/// <summary>Writes <c>report-&lt;week&gt;.&lt;format&gt;</c> files; each appears whole or not at all.</summary>
public sealed class ReportWriter(IEnumerable<IReportRenderer> renderers)
{
    public IReadOnlyList<string> KnownFormats => renderers.Select(r => r.Format).ToList();

    /// <summary>
    /// Every format is checked before any file is written; then the files are rendered at once (at a million items the
    /// JSON, HTML and CSV files are each about half a second of work, and the machine has more than one core).
    /// </summary>
    public async Task<IReadOnlyList<string>> WriteAsync(
        WeeklyReport report, IEnumerable<string> formats, string folder, CancellationToken cancellationToken)
    {
        var planned = new List<(IReportRenderer Renderer, string Path)>();
        foreach (var format in formats.Select(f => f.Trim().ToLowerInvariant()).Distinct())
        {
            var renderer = renderers.FirstOrDefault(r => r.Format == format)
                ?? throw new ArgumentException($"No report format '{format}' (known: {string.Join(", ", KnownFormats)}).", nameof(formats));
            planned.Add((renderer, Path.Combine(folder, $"report-{report.Week}.{format}")));
        }

        Directory.CreateDirectory(folder);
        await Task.WhenAll(planned.Select(p => Task.Run(() => WriteOneAsync(p.Renderer, report, p.Path, cancellationToken), cancellationToken)));
        return [.. planned.Select(p => p.Path)];
    }

    private static async Task WriteOneAsync(IReportRenderer renderer, WeeklyReport report, string path, CancellationToken cancellationToken)
    {
        var temp = path + ".tmp";
        await using (var stream = File.Create(temp))
        {
            await renderer.RenderAsync(report, stream, cancellationToken);
        }

        File.Move(temp, path, overwrite: true);
    }
}
