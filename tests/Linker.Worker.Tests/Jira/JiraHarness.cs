using System.Globalization;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using OkrLinker.Fakes;
using OkrLinker.Fakes.Jira;
using OkrLinker.Worker.Tests.Support;

namespace OkrLinker.Worker.Tests.Jira;

/// <summary>
/// The fake Jira on a free loopback port, a config folder whose one source points at it (one scope per project),
/// and ways to compare what the store holds with the fake's data set.
/// </summary>
public sealed class JiraHarness : IDisposable
{
    public static readonly string[] Projects = ["PAY", "GRO", "WEB"];

    private static readonly Dictionary<string, string> Teams = new() { ["jira:PAY"] = "payments", ["jira:GRO"] = "growth" };

    private static readonly DateTimeOffsetToBinaryConverter TimeConverter = new();

    private JiraHarness(FakeJira fake, TempConfig config, string tokenVariable)
    {
        Fake = fake;
        Config = config;
        TokenVariable = tokenVariable;
    }

    public FakeJira Fake { get; }

    public TempConfig Config { get; }

    public string TokenVariable { get; }

    public FakeJiraData Data => Fake.Data;

    public string DatabasePath => Path.Combine(Config.Root, "data", "okrlinker.db");

    /// <param name="token">The token the source presents; default the fake's own.</param>
    /// <param name="jql">The source's <c>Jql</c>; set, it is the one scope (no <c>Projects</c>).</param>
    /// <param name="flavor">The source's <c>Flavor</c> setting; default the fake's own flavour.</param>
    /// <param name="maxConcurrentRequests"><c>Http.MaxConcurrentRequests</c>; default its default, 2.</param>
    public static JiraHarness Start(
        FakeJiraData data, FakeJiraOptions options, string? token = null, string? jql = null, string? flavor = null, int maxConcurrentRequests = 2)
    {
        var fake = FakeJira.Start(data, options);
        var variable = "JIRA_TEST_TOKEN_" + Guid.NewGuid().ToString("N");
        Environment.SetEnvironmentVariable(variable, token ?? fake.Token);
        var config = new TempConfig().WithOkrs(TempConfig.GoodOkrs).WithConfig(ConfigJson(fake, variable, jql, flavor ?? fake.Flavor.ToString(), maxConcurrentRequests));
        return new JiraHarness(fake, config, variable);
    }

    public Task<CliRun> SyncAsync(params string[] extra) => Config.RunAsync(["sync", .. extra]);

    public Task<CliRun> CheckAsync() => Config.RunAsync("check");

    /// <summary>The worker as a real process (<c>okrlinker &lt;verb&gt; --config …</c>), for kills; its output is drained and dropped.</summary>
    public System.Diagnostics.Process StartProcess(string verb) => WorkerProcess.Start(verb, Config.ConfigPath, TokenVariable, Fake.Token);

    /// <summary>Every stored item of the source, ordered by id.</summary>
    public async Task<List<JiraStoredItem>> StoredAsync()
    {
        await using var db = new SqliteConnection($"Data Source={DatabasePath};Pooling=False");
        await db.OpenAsync();
        var items = new List<JiraStoredItem>();
        await using var command = db.CreateCommand();
        command.CommandText = "SELECT ExternalId, Key, Title, Type, Category, Team, Project, Labels, Components, ParentId, ParentKey, KrValues, StoryPoints, Created, Updated, Resolved FROM work_items";
        await using var r = await command.ExecuteReaderAsync();
        while (await r.ReadAsync())
        {
            items.Add(new JiraStoredItem(
                r.GetString(0), r.GetString(1), r.GetString(2), r.GetString(3), r.GetString(4), r.GetString(5), r.IsDBNull(6) ? "" : r.GetString(6),
                List(r.GetString(7)), List(r.GetString(8)), r.IsDBNull(9) ? null : r.GetString(9), r.IsDBNull(10) ? null : r.GetString(10),
                List(r.GetString(11)), r.IsDBNull(12) ? null : r.GetDouble(12), Time(r.GetInt64(13)), Time(r.GetInt64(14)), r.IsDBNull(15) ? null : Time(r.GetInt64(15))));
        }

        return [.. items.OrderBy(i => long.Parse(i.Id, CultureInfo.InvariantCulture))];
    }

    /// <summary>The live issues as DESIGN.md §6 says they must be stored.</summary>
    public List<JiraStoredItem> Expected() => [.. Data.Issues.Select(Expect)];

    /// <summary>The stored items that are not Removed.</summary>
    public async Task<List<JiraStoredItem>> LiveStoredAsync() => [.. (await StoredAsync()).Where(i => i.Category != "Removed")];

    public void Dispose()
    {
        Environment.SetEnvironmentVariable(TokenVariable, null);
        Fake.Dispose();
        Config.Dispose();
    }

    private JiraStoredItem Expect(FakeJiraIssue issue)
    {
        var parent = issue.ParentId is { } id ? Data.Find(id) : null;
        var byEpicLink = Fake.Flavor == FakeJiraFlavor.DataCenter && issue.Type == FakeJiraIssue.Story;
        var category = issue.Category switch { "new" => "ToDo", "indeterminate" => "InProgress", _ => "Done" };
        return new JiraStoredItem(
            issue.Id.ToString(CultureInfo.InvariantCulture),
            issue.Key,
            issue.Summary,
            issue.Type,
            category,
            Teams.GetValueOrDefault("jira:" + issue.Project, issue.Project),
            issue.Project,
            string.Join(",", issue.Labels),
            string.Join(",", issue.Components),
            parent is null || byEpicLink ? null : parent.Id.ToString(CultureInfo.InvariantCulture),
            parent?.Key,
            issue.KeyResult ?? "",
            issue.Points,
            issue.Created,
            issue.Updated,
            category == "Done" ? issue.Resolved : null);
    }

    private static string List(string json) => string.Join(",", JsonSerializer.Deserialize<string[]>(json)!);

    private static DateTimeOffset Time(long stored) => (DateTimeOffset)TimeConverter.ConvertFromProvider(stored)!;

    private static string ConfigJson(FakeJira fake, string tokenVariable, string? jql, string flavor, int maxConcurrentRequests) => JsonSerializer.Serialize(new
    {
        Okrs = new { Path = "okrs.yaml" },
        Store = new { Provider = "Sqlite", ConnectionString = "Data Source=../data/okrlinker.db" },
        Sources = new object[]
        {
            new
            {
                Name = "jira",
                Kind = "jira",
                BaseUrl = fake.BaseUrl.ToString(),
                Flavor = flavor,
                Projects = jql is null ? Projects : [],
                Jql = jql,
                Auth = fake.Flavor == FakeJiraFlavor.Cloud
                    ? (object)new { Email = fake.Email, TokenEnv = tokenVariable }
                    : new { TokenEnv = tokenVariable },
            },
        },
        Teams,
        // Retries and waits kept short: the fake asks for 1 s at most, and backoff need not be long here.
        Http = new { BaseDelay = "00:00:00.010", MaxDelay = "00:00:00.200", SecondaryLimitMinimumWait = "00:00:01", AttemptTimeout = "00:00:05", MaxRetries = 8, MaxConcurrentRequests = maxConcurrentRequests },
        Report = new { Week = "2026-W47", TimeZone = "UTC", Output = "../out" },
        Web = new { Urls = "http://127.0.0.1:0" },
    });
}
