using System.Diagnostics;
using Npgsql;
using OkrLinker.Connectors.Tests.Support;

namespace OkrLinker.Connectors.Tests.Metrics.Support;

/// <summary>
/// A real PostgreSQL from the machine's binaries (<c>initdb</c>, <c>pg_ctl</c>) in a temp folder, on 127.0.0.1 and a
/// free port, trusting local logins of its superuser <c>okr</c>. Started once per test class, stopped after it.
/// PostgreSQL refuses to run as root, so under root the cluster belongs to, and runs as, the <c>postgres</c> user
/// (else <c>nobody</c>) through <c>runuser</c>.
/// </summary>
/// <remarks>
/// The data: <c>signups</c> holds 7 rows; <c>daily_activation(day date, value numeric)</c> holds 35.0 on 2026-09-30,
/// 36.5 on 10-01, 37.25 on 10-02, 38 on 10-03 and NULL on 10-04; <c>lag_samples(at timestamptz, minutes int)</c> holds
/// 12 at 2026-10-01 06:00+02 and 9 at 10-02 06:00+02; the sequence <c>ids</c>.
/// </remarks>
public sealed class PostgresServer : IAsyncLifetime, IDisposable
{
    private static readonly string[] Versions = Directory.Exists("/usr/lib/postgresql")
        ? [.. Directory.GetDirectories("/usr/lib/postgresql").OrderDescending().Select(v => Path.Combine(v, "bin"))]
        : [];

    private readonly TempFolder folder = new();
    private string pgCtl = "";
    private string? user;
    private string data = "";

    public string ConnectionString { get; private set; } = "";

    public async Task InitializeAsync()
    {
        var initdb = LocalTools.Find("initdb", "Debian package postgresql", Versions);
        pgCtl = LocalTools.Find("pg_ctl", "Debian package postgresql", Versions);
        user = Environment.UserName == "root" ? (File.ReadAllText("/etc/passwd").Contains("\npostgres:", StringComparison.Ordinal) ? "postgres" : "nobody") : null;
        data = Path.Combine(folder.Path, "data");
        if (user is not null)
        {
            await LocalTools.RunAsync("chown", "-R", user, folder.Path);
        }

        await LocalTools.RunAsAsync(user, initdb, "-D", data, "-U", "okr", "--auth=trust", "--no-sync", "-E", "UTF8", "--locale=C");
        var port = LocalTools.FreePort();
        await LocalTools.RunAsAsync(user, pgCtl, "-D", data, "-l", Path.Combine(folder.Path, "postgres.log"), "-w", "-t", "60",
            "-o", $"-p {port} -c listen_addresses=127.0.0.1 -k {folder.Path} -c fsync=off", "start");
        ConnectionString = $"Host=127.0.0.1;Port={port};Username=okr;Database=postgres;Pooling=false";
        await SeedAsync();
    }

    public async Task DisposeAsync()
    {
        if (data.Length > 0 && Directory.Exists(data))
        {
            await LocalTools.RunAsAsync(user, pgCtl, "-D", data, "-m", "immediate", "-w", "stop");
        }
    }

    public void Dispose() => folder.Dispose();

    private async Task SeedAsync()
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var seed = new NpgsqlCommand("""
            CREATE TABLE signups (id int);
            INSERT INTO signups SELECT generate_series(1, 7);
            CREATE TABLE daily_activation (day date, value numeric);
            INSERT INTO daily_activation VALUES ('2026-09-30', 35.0), ('2026-10-01', 36.5), ('2026-10-02', 37.25), ('2026-10-03', 38), ('2026-10-04', NULL);
            CREATE TABLE lag_samples (at timestamptz, minutes int);
            INSERT INTO lag_samples VALUES ('2026-10-01 06:00+02', 12), ('2026-10-02 06:00+02', 9);
            CREATE SEQUENCE ids;
            """, connection);
        await seed.ExecuteNonQueryAsync();
    }

    /// <summary>How many rows <c>signups</c> holds now (to show a refused write changed nothing).</summary>
    public async Task<long> CountSignupsAsync()
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var count = new NpgsqlCommand("SELECT count(*) FROM signups", connection);
        return (long)(await count.ExecuteScalarAsync())!;
    }
}
