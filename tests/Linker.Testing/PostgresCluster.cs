using Npgsql;

namespace OkrLinker.Testing;

/// <summary>
/// A real PostgreSQL from the machine's binaries (<c>initdb</c>, <c>pg_ctl</c>) in a temp folder, on 127.0.0.1 and a
/// free port, trusting local logins of its superuser <c>okr</c>. One cluster per test run (per test assembly): the first
/// test that asks starts it, the end of the process stops it and deletes its folder; each test class takes a database of
/// its own from it (<see cref="CreateDatabaseAsync"/>), so classes stay apart and still run in parallel. A detached
/// watchdog stops the cluster once the test process is gone, however it ended.
/// PostgreSQL refuses to run as root, so under root the cluster belongs to, and runs as, the <c>postgres</c> user
/// (else <c>nobody</c>) through <c>runuser</c>. A missing binary fails the test that asked; nothing skips.
/// </summary>
public sealed class PostgresCluster
{
    private static readonly Lazy<Task<PostgresCluster>> Shared = new(StartAsync);

    private static readonly string[] Versions = Directory.Exists("/usr/lib/postgresql")
        ? [.. Directory.GetDirectories("/usr/lib/postgresql").OrderDescending().Select(v => Path.Combine(v, "bin"))]
        : [];

    private int databases;

    private PostgresCluster(string folder, int port)
    {
        Folder = folder;
        Port = port;
    }

    /// <summary>The cluster's folder: <c>data/</c> and <c>postgres.log</c>.</summary>
    public string Folder { get; }

    public int Port { get; }

    /// <summary>The cluster's own <c>postgres</c> database, as its superuser.</summary>
    public string AdminConnectionString => ConnectionStringFor("postgres");

    /// <summary>The run's cluster, started on first use.</summary>
    public static Task<PostgresCluster> GetAsync() => Shared.Value;

    /// <summary>A new, empty database named after <paramref name="prefix"/>; returns its connection string.</summary>
    public async Task<string> CreateDatabaseAsync(string prefix)
    {
        var name = $"{prefix}_{Interlocked.Increment(ref databases)}_{Guid.NewGuid():N}".ToLowerInvariant();
        await using var connection = new NpgsqlConnection(AdminConnectionString);
        await connection.OpenAsync();
        await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
        await create.ExecuteNonQueryAsync();
        return ConnectionStringFor(name);
    }

    public string ConnectionStringFor(string database) => $"Host=127.0.0.1;Port={Port};Username=okr;Database={database}";

    private static async Task<PostgresCluster> StartAsync()
    {
        var initdb = LocalTools.Find("initdb", "Debian package postgresql", Versions);
        var pgCtl = LocalTools.Find("pg_ctl", "Debian package postgresql", Versions);
        var user = Environment.UserName == "root"
            ? (File.ReadAllText("/etc/passwd").Contains("\npostgres:", StringComparison.Ordinal) ? "postgres" : "nobody")
            : null;
        var folder = Path.Combine(Path.GetTempPath(), "okrlinker-pg-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        if (user is not null)
        {
            await LocalTools.RunAsync("chown", "-R", user, folder);
        }

        var data = Path.Combine(folder, "data");
        await LocalTools.RunAsAsync(user, initdb, "-D", data, "-U", "okr", "--auth=trust", "--no-sync", "-E", "UTF8", "--locale=C");
        var port = LocalTools.FreePort();
        await LocalTools.RunAsAsync(user, pgCtl, "-D", data, "-l", Path.Combine(folder, "postgres.log"), "-w", "-t", "60",
            "-o", $"-p {port} -c listen_addresses=127.0.0.1 -k {folder} -c fsync=off -c max_connections=400", "start");
        WatchOver(user, pgCtl, folder);
        return new PostgresCluster(folder, port);
    }

    // The test host may be ended without running any of its exit handlers (the runner kills it once the tests are
    // done, or a crash), so a detached watchdog outlives it: once the test process is gone it stops the cluster and
    // deletes its folder.
    private static void WatchOver(string? user, string pgCtl, string folder)
    {
        var data = Path.Combine(folder, "data");
        var script = $"while [ -d /proc/{Environment.ProcessId} ]; do sleep 1; done; '{pgCtl}' -D '{data}' -m immediate -w stop >/dev/null 2>&1; rm -rf '{folder}'";
        var arguments = new List<string> { "-f" };
        if (user is not null)
        {
            arguments.AddRange(["runuser", "-u", user, "--"]);
        }

        arguments.AddRange(["sh", "-c", script]);
        using var watchdog = System.Diagnostics.Process.Start(LocalTools.Start(null, LocalTools.Find("setsid", "util-linux"), arguments))!;
        watchdog.WaitForExit();
    }
}
