using Microsoft.EntityFrameworkCore;
using OkrLinker.Core.Store;

namespace OkrLinker.Core.Reports;

/// <summary>The reports as last built, read back from the store (the API serves these).</summary>
public sealed class ReportArchive(IDbContextFactory<LinkerDbContext> dbFactory)
{
    /// <summary>The report JSON of <paramref name="week"/> (<c>2026-W47</c>), or of the newest week when null; null when none was built.</summary>
    public async Task<string?> ReadJsonAsync(string? week, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var rows = db.WeeklySnapshots.AsNoTracking().Where(s => s.ReportJson != null);
        return week is null
            ? await rows.OrderByDescending(s => s.Week).Select(s => s.ReportJson).FirstOrDefaultAsync(cancellationToken)
            : await rows.Where(s => s.Week == week).Select(s => s.ReportJson).FirstOrDefaultAsync(cancellationToken);
    }
}
