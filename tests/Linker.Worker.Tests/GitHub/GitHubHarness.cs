using System.Globalization;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using OkrLinker.Fakes;
using OkrLinker.Worker.Tests.Support;

namespace OkrLinker.Worker.Tests.GitHub;

/// <summary>
/// The fake GitHub on a free loopback port, a config folder whose one source points at it, and ways
/// to compare what the store holds with the fake's data set.
/// </summary>
public sealed class GitHubHarness : IAsyncDisposable
{
    private GitHubHarness(FakeGitHub fake, TempConfig config, string tokenVariable)
    {
        Fake = fake;
        Config = config;
        TokenVariable = tokenVariable;
    }

    public FakeGitHub Fake { get; }

    public TempConfig Config { get; }

    public string TokenVariable { get; }

    public FakeGitHubData Data => Fake.Data;

    public string DatabasePath => Path.Combine(Config.Root, "data", "okrlinker.db");

    /// <param name="repos">The configured repos; empty syncs every repo of the owner.</param>
    /// <param name="token">The token the source presents; default the fake's own.</param>
    /// <param name="enterprise">Address the fake as GitHub Enterprise Server does (<c>/api/v3</c>, <c>/api/graphql</c>).</param>
    public static async Task<GitHubHarness> StartAsync(
        FakeGitHubData data, IReadOnlyList<string> repos, string? token = null, bool enterprise = false, bool includeArchived = false)
    {
        var fake = await FakeGitHub.StartAsync(data);
        var variable = "GH_TEST_TOKEN_" + Guid.NewGuid().ToString("N");
        Environment.SetEnvironmentVariable(variable, token ?? fake.Token);
        var baseUrl = enterprise ? fake.EnterpriseBaseUrl : fake.BaseUrl;
        var config = new TempConfig().WithOkrs(TempConfig.GoodOkrs).WithConfig(ConfigJson(baseUrl, data.Owner, repos, variable, includeArchived));
        return new GitHubHarness(fake, config, variable);
    }

    public Task<CliRun> SyncAsync(params string[] extra) => Config.RunAsync(["sync", .. extra]);

    /// <summary>The worker as a real process (<c>okrlinker &lt;verb&gt; --config …</c>), for kills and signals; its output is drained and dropped.</summary>
    public System.Diagnostics.Process StartProcess(string verb) => WorkerProcess.Start(verb, Config.ConfigPath, TokenVariable, Fake.Token);

    /// <summary>Every stored item of the source, with the KR values its project reported, ordered by id.</summary>
    public async Task<List<StoredItem>> StoredAsync()
    {
        await using var db = new SqliteConnection($"Data Source={DatabasePath};Pooling=False");
        await db.OpenAsync();
        var kr = new Dictionary<string, string>();
        await using (var fields = db.CreateCommand())
        {
            fields.CommandText = "SELECT ExternalId, KrValues FROM field_values";
            await using var r = await fields.ExecuteReaderAsync();
            while (await r.ReadAsync())
            {
                kr[r.GetString(0)] = string.Join(",", JsonSerializer.Deserialize<string[]>(r.GetString(1))!);
            }
        }

        var items = new List<StoredItem>();
        await using var command = db.CreateCommand();
        command.CommandText = "SELECT ExternalId, Key, Title, Category, Labels, ParentKey FROM work_items";
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            var id = reader.GetString(0);
            var labels = JsonSerializer.Deserialize<string[]>(reader.GetString(4))!.Order(StringComparer.Ordinal);
            items.Add(new StoredItem(
                id, reader.GetString(1), reader.GetString(2), reader.GetString(3), string.Join(",", labels),
                reader.IsDBNull(5) ? null : reader.GetString(5), kr.GetValueOrDefault(id, "")));
        }

        return [.. items.OrderBy(i => long.Parse(i.Id, CultureInfo.InvariantCulture))];
    }

    /// <summary>The items the fake holds now, as DESIGN.md §6 says they must be stored.</summary>
    public List<StoredItem> Expected() => [.. Data.Snapshot().Select(Expect).OrderBy(i => long.Parse(i.Id, CultureInfo.InvariantCulture))];

    public async ValueTask DisposeAsync()
    {
        Environment.SetEnvironmentVariable(TokenVariable, null);
        await Fake.DisposeAsync();
        Config.Dispose();
    }

    private StoredItem Expect(FakeGitHubItem item)
    {
        var repo = item.Repo.Contains('/', StringComparison.Ordinal) ? item.Repo : $"{Data.Owner}/{item.Repo}";
        var category = item switch
        {
            { IsPullRequest: true, MergedAt: not null } => "Done",
            { IsPullRequest: true, State: "closed" } => "Removed",
            { IsPullRequest: true } => "InProgress",
            { State: "open" } => item.Assignees.Count > 0 ? "InProgress" : "ToDo",
            { StateReason: "not_planned" or "duplicate" } => "Removed",
            _ => "Done",
        };
        return new StoredItem(
            item.Id.ToString(CultureInfo.InvariantCulture),
            $"{repo}#{item.Number}",
            item.Title,
            category,
            string.Join(",", item.Labels.Order(StringComparer.Ordinal)),
            item.ParentNumber is { } parent ? $"{repo}#{parent}" : null,
            item.InProject && item.KeyResult is { } kr ? kr : "");
    }

    private static string ConfigJson(Uri baseUrl, string owner, IReadOnlyList<string> repos, string tokenVariable, bool includeArchived) => JsonSerializer.Serialize(new
    {
        Okrs = new { Path = "okrs.yaml" },
        Store = new { Provider = "Sqlite", ConnectionString = "Data Source=../data/okrlinker.db" },
        Sources = new[]
        {
            new
            {
                Name = "gh",
                Kind = "github",
                BaseUrl = baseUrl.ToString(),
                Owner = owner,
                Repos = repos,
                IncludeArchived = includeArchived,
                ProjectNumbers = new[] { 7 },
                Auth = new { TokenEnv = tokenVariable },
            },
        },
        // Retries and waits kept short: the fake asks for 1 s at most, and backoff need not be long here.
        Http = new { BaseDelay = "00:00:00.010", MaxDelay = "00:00:00.200", SecondaryLimitMinimumWait = "00:00:01", AttemptTimeout = "00:00:05", MaxRetries = 8 },
        Report = new { Week = "2026-W47", TimeZone = "UTC", Output = "../out" },
        Worker = new { ShutdownGrace = "00:00:10" },
        Web = new { Urls = "http://127.0.0.1:0" },
    });
}
