using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using OkrLinker.Core.Store;
using OkrLinker.Worker.Scheduling;

namespace OkrLinker.Worker.Tests.Webhooks;

/// <summary>
/// The whole worker (<c>okrlinker run</c>'s host) in this process, listening on a free loopback port, its log records
/// kept; the way deliveries reach it is real HTTP.
/// </summary>
public sealed class WebhookWorker : IAsyncDisposable
{
    private readonly WebApplication app;

    private WebhookWorker(WebApplication app, FakeLogCollector logs)
    {
        this.app = app;
        Logs = logs;
        Http = new HttpClient { BaseAddress = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First()) };
    }

    public HttpClient Http { get; }

    public FakeLogCollector Logs { get; }

    public static async Task<WebhookWorker> StartAsync(string configPath)
    {
        var logs = new FakeLoggerProvider();
        var app = WorkerHost.Build(configPath, services => services.AddLogging(b => b.AddProvider(logs)));
        await app.Services.GetRequiredService<StoreInitializer>().MigrateAsync(CancellationToken.None);
        await app.StartAsync();
        return new WebhookWorker(app, logs.Collector);
    }

    /// <summary>How many times the scope's job started a sync (its "Syncing source/scope" log line).</summary>
    public int SyncsOf(string source, string scope) =>
        Logs.GetSnapshot().Count(r => r.Message.StartsWith($"Syncing {source}/{scope} (full:", StringComparison.Ordinal));

    /// <summary>How many scope syncs started, whatever the scope.</summary>
    public int Syncs() => Logs.GetSnapshot().Count(r => r.Message.StartsWith("Syncing ", StringComparison.Ordinal) && r.Message.Contains("(full:", StringComparison.Ordinal));

    /// <summary>The latest report's unlinked items as (source, key); null while no report is built.</summary>
    public Task<HashSet<(string Source, string Key)>?> UnlinkedAsync() => UnlinkedAsync(Http);

    /// <summary>The unlinked items of the latest report that the worker at <paramref name="http"/> serves; null while none is built.</summary>
    public static async Task<HashSet<(string Source, string Key)>?> UnlinkedAsync(HttpClient http)
    {
        ArgumentNullException.ThrowIfNull(http);
        using var response = await http.GetAsync(new Uri("api/report/latest", UriKind.Relative));
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }

        response.EnsureSuccessStatusCode();
        using var doc = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return [.. doc.RootElement.GetProperty("unlinkedItems").EnumerateArray()
            .Select(i => (i.GetProperty("source").GetString()!, i.GetProperty("key").GetString()!))];
    }

    /// <summary>Polls <paramref name="condition"/> until it holds or <paramref name="within"/> passes; says whether it held.</summary>
    public static async Task<bool> EventuallyAsync(Func<Task<bool>> condition, TimeSpan within)
    {
        var deadline = DateTime.UtcNow + within;
        while (true)
        {
            if (await condition())
            {
                return true;
            }

            if (DateTime.UtcNow > deadline)
            {
                return false;
            }

            await Task.Delay(100);
        }
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
