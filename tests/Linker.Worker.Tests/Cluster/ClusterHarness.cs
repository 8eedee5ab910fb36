using System.Globalization;
using System.Text.Json;
using Npgsql;
using OkrLinker.Fakes;
using OkrLinker.Fakes.Jira;
using OkrLinker.Testing;
using OkrLinker.Worker.Tests.Support;

namespace OkrLinker.Worker.Tests.Cluster;

/// <summary>
/// N identical <c>okrlinker run</c> nodes on one PostgreSQL database of the test run's cluster, with the fake Jira
/// serving one scope per project: the same config file for every node, as replicas would have it.
/// </summary>
public sealed class ClusterHarness : IDisposable
{
    private readonly List<ClusterNode> nodes = [];
    private readonly Dictionary<string, string> environment;

    private ClusterHarness(FakeJira fake, TempConfig config, string connectionString, Dictionary<string, string> environment)
    {
        Fake = fake;
        Config = config;
        ConnectionString = connectionString;
        this.environment = environment;
    }

    public FakeJira Fake { get; }

    public TempConfig Config { get; }

    public string ConnectionString { get; }

    public IReadOnlyList<ClusterNode> Nodes => nodes;

    /// <summary>Project keys PAA, PAB, …: one scope each.</summary>
    public static string[] ProjectKeys(int count) =>
        [.. Enumerable.Range(0, count).Select(i => "P" + (char)('A' + (i / 26)) + (char)('A' + (i % 26)))];

    /// <param name="settings">What the test sets: schedules, report, delivery (merged over the common config).</param>
    public static async Task<ClusterHarness> StartAsync(FakeJiraData data, FakeJiraOptions options, Dictionary<string, object?> settings, Dictionary<string, string>? environment = null)
    {
        var cluster = await PostgresCluster.GetAsync();
        var connectionString = await cluster.CreateDatabaseAsync("cluster");
        var fake = FakeJira.Start(data, options);
        var variables = new Dictionary<string, string>(environment ?? []) { ["JIRA_CLUSTER_TOKEN"] = fake.Token };
        var config = new Dictionary<string, object?>
        {
            ["Okrs"] = new { Path = "okrs.yaml" },
            ["Store"] = new { Provider = "Postgres", ConnectionString = connectionString },
            ["Http"] = new { BaseDelay = "00:00:00.010", MaxDelay = "00:00:00.200", SecondaryLimitMinimumWait = "00:00:01", AttemptTimeout = "00:00:30", MaxRetries = 8 },
            ["Web"] = new { Urls = "http://127.0.0.1:0" },
        };
        foreach (var (key, value) in settings)
        {
            config[key] = value;
        }

        config["Sources"] = new object[]
        {
            new
            {
                Name = "jira",
                Kind = "jira",
                BaseUrl = fake.BaseUrl.ToString(),
                Flavor = fake.Flavor.ToString(),
                Projects = data.Projects,
                Auth = new { Email = fake.Email, TokenEnv = "JIRA_CLUSTER_TOKEN" },
                Schedule = settings.TryGetValue("SourceSchedule", out var schedule) ? schedule : "0 */15 * * * ?",
            },
        };
        config.Remove("SourceSchedule");
        var temp = new TempConfig().WithOkrs(TempConfig.GoodOkrs).WithConfig(JsonSerializer.Serialize(config));
        return new ClusterHarness(fake, temp, connectionString, variables);
    }

    public ClusterNode StartNode()
    {
        var node = ClusterNode.Start(Config.ConfigPath, environment);
        nodes.Add(node);
        return node;
    }

    public async Task StopAllAsync()
    {
        await Task.WhenAll(nodes.Select(n => n.StopAsync()));
    }

    /// <summary>Every execution Quartz recorded, oldest first.</summary>
    public async Task<List<ClusterRun>> RunsAsync()
    {
        var runs = new List<ClusterRun>();
        await using var db = new NpgsqlConnection(ConnectionString);
        await db.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT instance_name, trigger_name, job_name, fired_time FROM qrtz_execution_history ORDER BY fired_time", db);
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            runs.Add(new ClusterRun(reader.GetString(0), reader.GetString(1), reader.GetString(2), new DateTimeOffset(reader.GetInt64(3), TimeSpan.Zero)));
        }

        return runs;
    }

    /// <summary>Quartz's view of the cluster, for a failure message: the nodes' check-ins and the firings in flight.</summary>
    public async Task<string> DescribeAsync()
    {
        var text = new System.Text.StringBuilder();
        await using var db = new NpgsqlConnection(ConnectionString);
        await db.OpenAsync();
        foreach (var sql in new[]
        {
            "SELECT instance_name || ' checked in ' || last_checkin_time || ' every ' || checkin_interval FROM qrtz_scheduler_state",
            "SELECT instance_name || ' fires ' || trigger_name || ' of ' || coalesce(job_name, '?') || ' ' || state || ' recovery ' || coalesce(requests_recovery::text, '?') FROM qrtz_fired_triggers",
            "SELECT trigger_name || ' ' || trigger_state || ' next ' || coalesce(next_fire_time, 0) FROM qrtz_triggers",
        })
        {
            await using var command = new NpgsqlCommand(sql, db);
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                text.AppendLine(reader.GetString(0));
            }
        }

        return text.ToString();
    }

    /// <summary>One count on the cluster's database; 0 while its table is not there yet.</summary>
    public Task<long> CountAsync(string sql) => CountAsync(ConnectionString, sql);

    /// <summary>One count on the database at <paramref name="connectionString"/>; 0 while its table is not there yet.</summary>
    public static async Task<long> CountAsync(string connectionString, string sql)
    {
        await using var db = new NpgsqlConnection(connectionString);
        await db.OpenAsync();
        await using var command = new NpgsqlCommand(sql, db);
        try
        {
            return Convert.ToInt64(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
        }
        catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.UndefinedTable)
        {
            return 0;
        }
    }

    /// <summary>The stored items as (key, title, updated), ordered by key.</summary>
    public async Task<List<(string Key, string Title, DateTimeOffset Updated)>> StoredAsync()
    {
        var items = new List<(string, string, DateTimeOffset)>();
        if (await CountAsync("SELECT count(*) FROM work_items") == 0)
        {
            return items;
        }

        await using var db = new NpgsqlConnection(ConnectionString);
        await db.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT \"Key\", \"Title\", \"Updated\" FROM work_items ORDER BY \"Key\"", db);
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            items.Add((reader.GetString(0), reader.GetString(1), reader.GetFieldValue<DateTimeOffset>(2)));
        }

        return items;
    }

    /// <summary>The fake's issues as (key, title, updated), ordered by key: what the store must end up holding.</summary>
    public List<(string Key, string Title, DateTimeOffset Updated)> Expected() =>
        [.. Fake.Data.Issues.Select(i => (i.Key, i.Summary, i.Updated)).OrderBy(i => i.Key, StringComparer.Ordinal)];

    /// <summary>The searches the fake answered for one project (its JQL names it).</summary>
    public int SearchesFor(string project) => Fake.Searches.Count(q => q.Contains($"project = \"{project}\"", StringComparison.Ordinal));

    public void Dispose()
    {
        foreach (var node in nodes)
        {
            node.Dispose();
        }

        Fake.Dispose();
        Config.Dispose();
    }
}
