using System.Text.Json;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace OkrLinker.Core.Store;

/// <summary>
/// The report's reads and its snapshot write on SQLite as plain SQL: the rows and columns EF Core reads and writes, the
/// time columns in its binary form (<see cref="StoredTime"/>). A LINQ query makes EF Core build the model and compile
/// the query, about a third of a second of a one-item <c>report</c>, and these are the verb's only ones. The commands
/// go through EF Core's command pipeline all the same (<see cref="RawSql"/>).
/// </summary>
internal static class ReportRowsSql
{
    private static readonly DateTimeOffsetToBinaryConverter Dates = new();
    private static readonly Func<DateTimeOffset, long> ToBinary = Dates.ConvertToProviderTyped;
    private static readonly Func<long, DateTimeOffset> FromBinary = Dates.ConvertFromProviderTyped;

    public static bool Applies(DbContext db) => db.Database.IsSqlite();

    /// <summary>
    /// Every metric sample in the table's order (rowid, as EF Core's scan of all its columns reads them: the order of
    /// equal times), every baseline, and the pulls whose last try failed.
    /// </summary>
    public static async Task<(List<MetricSampleRow> Samples, List<MetricBaselineRow> Baselines, List<MetricPullRow> Failed)> ReadMetricsAsync(
        DbContext db, CancellationToken cancellationToken)
    {
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            var samples = new List<MetricSampleRow>();
            await using (var reader = await RawSql.ReadAsync(db, "SELECT \"KrId\", \"At\", \"Value\" FROM \"metric_samples\" ORDER BY \"Id\"", [], cancellationToken))
            {
                var rows = reader.DbDataReader;
                while (await rows.ReadAsync(cancellationToken))
                {
                    samples.Add(new MetricSampleRow { KrId = rows.GetString(0), At = FromBinary(rows.GetInt64(1)), Value = rows.GetDouble(2) });
                }
            }

            var baselines = new List<MetricBaselineRow>();
            await using (var reader = await RawSql.ReadAsync(
                db, "SELECT \"KrId\", \"Provider\", \"Query\", \"At\", \"Value\", \"CapturedAt\" FROM \"metric_baselines\" ORDER BY rowid", [], cancellationToken))
            {
                var rows = reader.DbDataReader;
                while (await rows.ReadAsync(cancellationToken))
                {
                    baselines.Add(new MetricBaselineRow
                    {
                        KrId = rows.GetString(0),
                        Provider = rows.GetString(1),
                        Query = rows.GetString(2),
                        At = FromBinary(rows.GetInt64(3)),
                        Value = rows.GetDouble(4),
                        CapturedAt = FromBinary(rows.GetInt64(5)),
                    });
                }
            }

            var failed = new List<MetricPullRow>();
            await using (var reader = await RawSql.ReadAsync(
                db, "SELECT \"KrId\", \"LastError\" FROM \"metric_pulls\" WHERE \"LastError\" IS NOT NULL ORDER BY rowid", [], cancellationToken))
            {
                var rows = reader.DbDataReader;
                while (await rows.ReadAsync(cancellationToken))
                {
                    failed.Add(new MetricPullRow { KrId = rows.GetString(0), LastError = rows.GetString(1) });
                }
            }

            return (samples, baselines, failed);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    /// <summary>The unlinked share of each of <paramref name="weeks"/> that has a snapshot (only that column: a row also holds its report).</summary>
    public static async Task<Dictionary<string, double>> ReadSharesAsync(DbContext db, IReadOnlyList<string> weeks, CancellationToken cancellationToken)
    {
        var shares = new Dictionary<string, double>(StringComparer.Ordinal);
        await using var reader = await RawSql.ReadAsync(
            db,
            "SELECT \"Week\", \"UnlinkedShare\" FROM \"weekly_snapshots\" WHERE \"Week\" IN (SELECT \"value\" FROM json_each({0}))",
            [new SqliteParameter("@weeks", JsonSerializer.Serialize(weeks))],
            cancellationToken);
        var rows = reader.DbDataReader;
        while (await rows.ReadAsync(cancellationToken))
        {
            shares.Add(rows.GetString(0), rows.GetDouble(1));
        }

        return shares;
    }

    /// <summary>Whether <paramref name="week"/> has a snapshot and, if so, whether it was delivered (its report not read).</summary>
    public static async Task<(bool Stored, bool Delivered)> ReadDeliveredAsync(DbContext db, string week, CancellationToken cancellationToken)
    {
        await using var reader = await RawSql.ReadAsync(
            db, "SELECT \"DeliveredAt\" FROM \"weekly_snapshots\" WHERE \"Week\" = {0}", [new SqliteParameter("@week", week)], cancellationToken);
        var rows = reader.DbDataReader;
        return await rows.ReadAsync(cancellationToken) ? (true, !await rows.IsDBNullAsync(0, cancellationToken)) : (false, false);
    }

    /// <summary>
    /// Inserts the week's row, or when it is there sets every column but its delivery time (which the weekly job sets): in
    /// one statement, so two builds of the same week at once end with the later one's row and neither fails on the key.
    /// </summary>
    public static async Task UpsertSnapshotAsync(DbContext db, WeeklySnapshotRow row, CancellationToken cancellationToken)
    {
        object[] values =
        [
            new SqliteParameter("@week", row.Week),
            new SqliteParameter("@from", ToBinary(row.From)),
            new SqliteParameter("@to", ToBinary(row.To)),
            new SqliteParameter("@items", (long)row.Items),
            new SqliteParameter("@linked", (long)row.Linked),
            new SqliteParameter("@bau", (long)row.Bau),
            new SqliteParameter("@unlinked", (long)row.Unlinked),
            new SqliteParameter("@unlinkedShare", row.UnlinkedShare),
            new SqliteParameter("@pointsUnlinkedShare", row.PointsUnlinkedShare),
            new SqliteParameter("@takenAt", ToBinary(row.TakenAt)),
            new SqliteParameter("@reportJson", (object?)row.ReportJson ?? DBNull.Value),
            new SqliteParameter("@reportJsonGzip", (object?)row.ReportJsonGzip ?? DBNull.Value),
            new SqliteParameter("@deliveredAt", row.DeliveredAt is { } delivered ? ToBinary(delivered) : DBNull.Value),
        ];
        await RawSql.ExecuteAsync(
            db,
            """
            INSERT INTO "weekly_snapshots" ("Week", "From", "To", "Items", "Linked", "Bau", "Unlinked", "UnlinkedShare",
                "PointsUnlinkedShare", "TakenAt", "ReportJson", "ReportJsonGzip", "DeliveredAt")
            VALUES ({0}, {1}, {2}, {3}, {4}, {5}, {6}, {7}, {8}, {9}, {10}, {11}, {12})
            ON CONFLICT ("Week") DO UPDATE SET "From" = excluded."From", "To" = excluded."To", "Items" = excluded."Items",
                "Linked" = excluded."Linked", "Bau" = excluded."Bau", "Unlinked" = excluded."Unlinked",
                "UnlinkedShare" = excluded."UnlinkedShare", "PointsUnlinkedShare" = excluded."PointsUnlinkedShare",
                "TakenAt" = excluded."TakenAt", "ReportJson" = excluded."ReportJson", "ReportJsonGzip" = excluded."ReportJsonGzip"
            """,
            values,
            cancellationToken);
    }
}
