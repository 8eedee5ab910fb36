using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using OkrLinker.Connectors.Files;
using OkrLinker.Connectors.Http;
using OkrLinker.Core;
using OkrLinker.Core.Store;
using OkrLinker.Core.Sync;
using OkrLinker.Fakes;
using OkrLinker.Worker.Tests.Support;
using OkrLinker.Worker.Web;

namespace OkrLinker.Worker.Tests.Web;

/// <summary>
/// The web endpoints as the host will run them: a WebApplication on a TestServer with AddLinkerCore over an
/// in-memory configuration, AddSourceHttp, the files source and AddLinkerWeb, a SQLite file in a temp config
/// folder, the clock a <see cref="FakeClock"/>.
/// </summary>
public sealed class WebHarness : IAsyncDisposable
{
    /// <summary>Friday of 2026-W47, on a quarter hour so the 15-minute schedule's intervals are whole.</summary>
    public static readonly DateTimeOffset Start = new(2026, 11, 20, 10, 0, 0, TimeSpan.Zero);

    private readonly WebApplication app;
    private readonly bool ownsConfig;

    private WebHarness(WebApplication app, TempConfig config, FakeClock time, FakeLogCollector logs, Uri? address, bool ownsConfig)
    {
        this.app = app;
        this.ownsConfig = ownsConfig;
        Config = config;
        Time = time;
        Logs = logs;
        Address = address;
        Client = address is null ? app.GetTestClient() : new HttpClient { BaseAddress = address };
    }

    /// <summary>Where Kestrel listens when started with <c>listen: true</c> (a browser needs a real port); else null.</summary>
    public Uri? Address { get; }

    public TempConfig Config { get; }

    public FakeClock Time { get; }

    public FakeLogCollector Logs { get; }

    public HttpClient Client { get; }

    public IServiceProvider Services => app.Services;

    /// <param name="migrate">False leaves the store untouched (a store that cannot be opened stays so).</param>
    /// <param name="listen">True serves on Kestrel at a free port of 127.0.0.1 instead of the in-memory test server.</param>
    /// <param name="services">More registrations, e.g. the live sources (<c>AddGitHubSource</c>) beside the files source.</param>
    /// <param name="ownsConfig">False leaves the config folder (and its store) in place on dispose: another host shares it.</param>
    public static async Task<WebHarness> StartAsync(
        TempConfig config, WebSettings settings, bool migrate = true, bool listen = false, Action<IServiceCollection>? services = null, bool ownsConfig = true)
    {
        var time = new FakeClock(Start);
        var logs = new FakeLoggerProvider();
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { ContentRootPath = config.ConfigFolder });
        if (listen)
        {
            builder.WebHost.UseUrls("http://127.0.0.1:0");
        }
        else
        {
            builder.WebHost.UseTestServer();
        }

        builder.Logging.ClearProviders();
        builder.Logging.SetMinimumLevel(LogLevel.Trace);
        builder.Logging.AddProvider(logs);

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings.Values).Build();
        builder.Services.AddSingleton<TimeProvider>(time);
        builder.Services.AddLinkerCore(configuration, config.ConfigFolder);
        builder.Services.AddSourceHttp(configuration);
        builder.Services.AddFilesSource();
        builder.Services.AddLinkerWeb();
        services?.Invoke(builder.Services);

        var app = builder.Build();
        app.MapLinkerEndpoints();
        if (migrate)
        {
            await app.Services.GetRequiredService<StoreInitializer>().MigrateAsync(CancellationToken.None);
        }

        await app.StartAsync();
        return new WebHarness(app, config, time, logs.Collector, listen ? new Uri(app.Urls.First()) : null, ownsConfig);
    }

    /// <summary>Syncs one configured source through the real sync runner (its metrics and the sources table follow).</summary>
    public Task<IReadOnlyList<SourceSyncResult>> SyncAsync(string source) =>
        Services.GetRequiredService<SyncRunner>().SyncAsync(source, full: false, progress: null, CancellationToken.None);

    public async Task StoreAsync(params WeeklySnapshotRow[] rows)
    {
        var factory = Services.GetRequiredService<IDbContextFactory<LinkerDbContext>>();
        await using var db = await factory.CreateDbContextAsync();
        db.WeeklySnapshots.AddRange(rows);
        await db.SaveChangesAsync();
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await app.StopAsync();
        await app.DisposeAsync();
        if (ownsConfig)
        {
            Config.Dispose();
        }
    }
}
