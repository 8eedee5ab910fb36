using System.IO.Compression;
using System.Text;
using Microsoft.EntityFrameworkCore;
using OkrLinker.Core.Store;

namespace OkrLinker.Core.Reports;

/// <summary>
/// The reports as last built, read back from the store (the API and dashboard serve these): gzip-compressed JSON
/// (<see cref="WeeklySnapshotRow.ReportJsonGzip"/>), or the text of a row written before that column.
/// </summary>
public sealed class ReportArchive(IDbContextFactory<LinkerDbContext> dbFactory)
{
    /// <summary>The report JSON of <paramref name="week"/> (<c>2026-W47</c>), or of the newest week when null; null when none was built.</summary>
    public async Task<string?> ReadJsonAsync(string? week, CancellationToken cancellationToken)
    {
        var stored = await ReadStoredAsync(week, cancellationToken);
        return stored switch
        {
            null => null,
            (_, { } gzip) => Encoding.UTF8.GetString(Gunzip(gzip)),
            ({ } json, null) => json,
            _ => null,
        };
    }

    /// <summary>The report of <paramref name="week"/>, or of the newest week when null, parsed; null when none was built.</summary>
    public async Task<WeeklyReport?> ReadReportAsync(string? week, CancellationToken cancellationToken)
    {
        var stored = await ReadStoredAsync(week, cancellationToken);
        switch (stored)
        {
            case (_, { } gzip):
                // Parsed from the decompressing stream: no string of the whole JSON (268 MB at a million items).
                await using (var json = new GZipStream(new MemoryStream(gzip, writable: false), CompressionMode.Decompress))
                {
                    return await ReportJson.ReadAsync(json, cancellationToken);
                }

            case ({ } json, null):
                return ReportJson.Read(json);
            default:
                return null;
        }
    }

    /// <summary>The UTF-8 JSON inside <paramref name="gzip"/> (<see cref="WeeklySnapshotRow.ReportJsonGzip"/>).</summary>
    public static byte[] Gunzip(byte[] gzip)
    {
        ArgumentNullException.ThrowIfNull(gzip);
        using var json = new GZipStream(new MemoryStream(gzip, writable: false), CompressionMode.Decompress);
        using var bytes = new MemoryStream();
        json.CopyTo(bytes);
        return bytes.ToArray();
    }

    private async Task<(string? Json, byte[]? Gzip)?> ReadStoredAsync(string? week, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var rows = db.WeeklySnapshots.AsNoTracking().Where(WeeklySnapshotRow.HasReport);
        var found = await (week is null ? rows.OrderByDescending(s => s.Week) : rows.Where(s => s.Week == week))
            .Select(s => new { s.ReportJson, s.ReportJsonGzip })
            .FirstOrDefaultAsync(cancellationToken);
        return found is null ? null : (found.ReportJson, found.ReportJsonGzip);
    }
}
