using System.Globalization;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using OkrLinker.Fakes;
using OkrLinker.Worker.Tests.Support;

namespace OkrLinker.Worker.Tests.AzureDevOps;

/// <summary>
/// The fake Azure DevOps on a free loopback port, a config folder whose one source ("ado") points at it, and
/// ways to compare what the store holds with the fake's data set.
/// </summary>
public sealed class AzureDevOpsHarness : IAsyncDisposable
{
    /// <summary>The Teams entry every harness config carries: an area path (and its children) mapped to a team.</summary>
    public const string CheckoutTeam = "payments";

    private static readonly DateTimeOffsetToBinaryConverter Binary = new();

    private AzureDevOpsHarness(FakeAzureDevOps fake, TempConfig config, string tokenVariable, string baseUrl)
    {
        Fake = fake;
        Config = config;
        TokenVariable = tokenVariable;
        BaseUrl = baseUrl;
    }

    public FakeAzureDevOps Fake { get; }

    public TempConfig Config { get; }

    public string TokenVariable { get; }

    public string BaseUrl { get; }

    public FakeAzureDevOpsData Data => Fake.Data;

    public string DatabasePath => Path.Combine(Config.Root, "data", "okrlinker.db");

    /// <param name="data">The collection to serve.</param>
    /// <param name="options">How the fake behaves (Server's 7.0, the 203 sign-in page, …).</param>
    /// <param name="token">The PAT the source presents; default the fake's own.</param>
    /// <param name="source">Extra keys of the source entry (AreaPaths, Wiql, Projects, …).</param>
    /// <param name="maxConcurrentRequests"><c>Http.MaxConcurrentRequests</c>; default its default, 2.</param>
    public static Task<AzureDevOpsHarness> StartAsync(
        FakeAzureDevOpsData data, FakeAzureDevOpsOptions? options = null, string? token = null, IReadOnlyDictionary<string, object?>? source = null,
        int maxConcurrentRequests = 2)
    {
        var fake = FakeAzureDevOps.Start(data, options);
        var variable = "ADO_TEST_PAT_" + Guid.NewGuid().ToString("N");
        Environment.SetEnvironmentVariable(variable, token ?? fake.Token);
        var entry = new Dictionary<string, object?>
        {
            ["Name"] = "ado",
            ["Kind"] = "azure-devops",
            ["BaseUrl"] = fake.BaseUrl.ToString().TrimEnd('/'),
            ["Projects"] = data.Projects.Select(p => p.Name).ToArray(),
            ["Auth"] = new { TokenEnv = variable },
        };
        foreach (var (key, value) in source ?? new Dictionary<string, object?>())
        {
            entry[key] = value;
        }

        var config = new TempConfig().WithOkrs(TempConfig.GoodOkrs).WithConfig(ConfigJson(entry, maxConcurrentRequests));
        return Task.FromResult(new AzureDevOpsHarness(fake, config, variable, (string)entry["BaseUrl"]!));
    }

    public Task<CliRun> SyncAsync(params string[] extra) => Config.RunAsync(["sync", .. extra]);

    public Task<CliRun> CheckAsync() => Config.RunAsync("check");

    /// <summary>The worker as a real process (<c>okrlinker &lt;verb&gt; --config …</c>), for kills; its output is dropped.</summary>
    public System.Diagnostics.Process StartProcess(string verb) => WorkerProcess.Start(verb, Config.ConfigPath, TokenVariable, Fake.Token);

    /// <summary>Every stored item of the source, ordered by id.</summary>
    public async Task<List<StoredWorkItem>> StoredAsync()
    {
        await using var db = new SqliteConnection($"Data Source={DatabasePath};Pooling=False");
        await db.OpenAsync();
        var items = new List<StoredWorkItem>();
        await using var command = db.CreateCommand();
        command.CommandText = "SELECT ExternalId, ScopeId, Url, Title, Type, State, Category, Team, Area, Labels, KrValues, ParentId, StoryPoints, Updated, Resolved, Key FROM work_items";
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            Assert.Equal(reader.GetString(0), reader.GetString(15)); // the key users see is the id
            items.Add(new StoredWorkItem(
                reader.GetString(0),
                reader.GetString(1),
                reader.GetString(2),
                reader.GetString(3),
                reader.GetString(4),
                reader.GetString(5),
                reader.GetString(6),
                reader.GetString(7),
                reader.GetString(8),
                string.Join(",", JsonSerializer.Deserialize<string[]>(reader.GetString(9))!.Order(StringComparer.Ordinal)),
                string.Join(",", JsonSerializer.Deserialize<string[]>(reader.GetString(10))!),
                reader.IsDBNull(11) ? null : reader.GetString(11),
                reader.IsDBNull(12) ? null : reader.GetDouble(12),
                Time(reader.GetInt64(13)),
                reader.IsDBNull(14) ? null : Time(reader.GetInt64(14))));
        }

        return [.. items.OrderBy(i => int.Parse(i.Id, CultureInfo.InvariantCulture))];
    }

    /// <summary>The items the fake holds now, as DESIGN.md §6 says they must be stored.</summary>
    public List<StoredWorkItem> Expected() => [.. Data.Snapshot().Select(Expect)];

    /// <summary>How the fake holds <paramref name="item"/>, as it must be stored.</summary>
    public StoredWorkItem Expect(FakeAdoItem item)
    {
        var process = Data.Project(item.Project)!.Process;
        var category = process.CategoryOf(item.Type, item.State) switch
        {
            "Proposed" => "ToDo",
            "InProgress" => "InProgress",
            "Resolved" or "Completed" => "Done",
            _ => "Removed",
        };
        var underCheckout = item.AreaPath.Equals("Shop\\Checkout", StringComparison.OrdinalIgnoreCase)
            || item.AreaPath.StartsWith("Shop\\Checkout\\", StringComparison.OrdinalIgnoreCase);
        return new StoredWorkItem(
            item.Id.ToString(CultureInfo.InvariantCulture),
            item.Project,
            $"{BaseUrl}/{Uri.EscapeDataString(item.Project)}/_workitems/edit/{item.Id}",
            item.Title,
            item.Type,
            item.State,
            category,
            underCheckout ? CheckoutTeam : item.AreaPath,
            item.AreaPath,
            string.Join(",", item.Tags.Order(StringComparer.Ordinal)),
            item.KeyResult ?? "",
            item.Parent?.ToString(CultureInfo.InvariantCulture),
            item.StoryPoints ?? item.Effort ?? item.Size,
            item.Changed,
            category == "Done" ? item.Closed ?? item.Changed : null);
    }

    // The store keeps times in EF Core's binary form so that SQLite can order them.
    private static DateTimeOffset Time(long stored) => (DateTimeOffset)Binary.ConvertFromProvider(stored)!;

    public async ValueTask DisposeAsync()
    {
        Environment.SetEnvironmentVariable(TokenVariable, null);
        await Fake.DisposeAsync();
        Config.Dispose();
    }

    private static string ConfigJson(Dictionary<string, object?> source, int maxConcurrentRequests) => JsonSerializer.Serialize(new
    {
        Okrs = new { Path = "okrs.yaml" },
        Store = new { Provider = "Sqlite", ConnectionString = "Data Source=../data/okrlinker.db" },
        Sources = new[] { source },
        Teams = new Dictionary<string, string> { ["ado:Shop\\Checkout"] = CheckoutTeam },
        // Retries and waits kept short: the fake asks for 1 s at most, and backoff need not be long here.
        Http = new { BaseDelay = "00:00:00.010", MaxDelay = "00:00:00.200", AttemptTimeout = "00:00:05", MaxRetries = 8, MaxConcurrentRequests = maxConcurrentRequests },
        Report = new { Week = "2026-W47", TimeZone = "UTC", Output = "../out" },
        Web = new { Urls = "http://127.0.0.1:0" },
    });
}
