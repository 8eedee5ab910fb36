using System.Globalization;

namespace OkrLinker.Worker.Scheduling;

/// <summary>
/// The statements Quartz's own schema provisioning runs on PostgreSQL (the script embedded in Quartz.dll, so the
/// tables are the ones this Quartz version validates), for the store's initializer to run under its migration lock.
/// Quartz guards each with <c>IF NOT EXISTS</c>, which PostgreSQL does not make safe against a second session doing the
/// same at the same moment: nodes starting together on an empty database could fail to start, or check in before the
/// tables were there. Run first under the lock, Quartz's own pass finds everything made and changes nothing.
/// </summary>
internal static class QuartzPostgresSchema
{
    private const string Resource = "Quartz.Impl.AdoJobStore.Schema.create_postgres.sql";

    // Quartz's default table prefix, which ClusterSchedule keeps; PostgreSQL folds the unquoted names to lower case.
    private const string TablePrefix = "QRTZ_";

    /// <summary>Each statement of the script, the prefix filled in, in the script's order.</summary>
    /// <exception cref="InvalidOperationException">The Quartz assembly no longer holds the script (a Quartz upgrade moved it).</exception>
    public static IReadOnlyList<string> Statements()
    {
        using var stream = typeof(Quartz.IScheduler).Assembly.GetManifestResourceStream(Resource)
            ?? throw new InvalidOperationException($"Quartz no longer embeds {Resource}; see QuartzPostgresSchema.");
        using var reader = new StreamReader(stream);
        var script = string.Format(CultureInfo.InvariantCulture, reader.ReadToEnd(), TablePrefix, TablePrefix);
        return [.. script.Split("\n--;;", StringSplitOptions.TrimEntries).Where(HasSql)];
    }

    private static bool HasSql(string piece) =>
        piece.Split('\n').Any(line => line.Trim() is { Length: > 0 } text && !text.StartsWith("--", StringComparison.Ordinal));
}
