namespace OkrLinker.Core.Reports;

/// <summary>Writes <c>report-&lt;week&gt;.&lt;format&gt;</c> files; each appears whole or not at all.</summary>
public sealed class ReportWriter(IEnumerable<IReportRenderer> renderers)
{
    public IReadOnlyList<string> KnownFormats => renderers.Select(r => r.Format).ToList();

    /// <summary>
    /// The files of a report about to be built, for <see cref="ReportBuilder.BuildAsync(Okrs.OkrSet, Figures.IsoWeek, ReportFiles?, CancellationToken)"/>
    /// to write while it builds; complete them (<see cref="ReportFiles.CompleteAsync"/>) after the build. Every format is
    /// checked here, before any file is written.
    /// </summary>
    public ReportFiles Plan(IEnumerable<string> formats, string folder)
    {
        var planned = new List<IReportRenderer>();
        foreach (var format in formats.Select(f => f.Trim().ToLowerInvariant()).Distinct())
        {
            planned.Add(renderers.FirstOrDefault(r => r.Format == format)
                ?? throw new ArgumentException($"No report format '{format}' (known: {string.Join(", ", KnownFormats)}).", nameof(formats)));
        }

        return new ReportFiles(planned, folder);
    }

    /// <summary>
    /// Writes the files of a report built already. Every format is checked before any file is written; then they are
    /// rendered at once (at a million items the HTML and CSV files are each a few tenths of a second of work, and the
    /// machine has more than one core), the JSON file from the report's one serialization.
    /// </summary>
    public async Task<IReadOnlyList<string>> WriteAsync(
        WeeklyReport report, IEnumerable<string> formats, string folder, CancellationToken cancellationToken)
    {
        await using var files = Plan(formats, folder);
        files.Start(report, cancellationToken);
        return await files.CompleteAsync(cancellationToken);
    }
}
