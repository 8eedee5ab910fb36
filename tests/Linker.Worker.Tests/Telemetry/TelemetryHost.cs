using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using OkrLinker.Core.Store;
using OkrLinker.Worker.Cli;
using OkrLinker.Worker.Web;

namespace OkrLinker.Worker.Tests.Telemetry;

/// <summary>
/// The verbs' services (<see cref="LinkerHost.Configure"/>, OpenTelemetry included) with the web endpoints on a
/// TestServer, over a config file to which the test adds its <c>OTEL_*</c> settings.
/// </summary>
public sealed class TelemetryHost : IAsyncDisposable
{
    private readonly WebApplication app;

    private TelemetryHost(WebApplication app)
    {
        this.app = app;
        Client = app.GetTestClient();
    }

    public HttpClient Client { get; }

    public IServiceProvider Services => app.Services;

    /// <param name="settings">Top-level keys added to the config file, e.g. <c>OTEL_EXPORTER_OTLP_ENDPOINT</c>.</param>
    public static async Task<TelemetryHost> StartAsync(string configPath, IReadOnlyDictionary<string, string> settings)
    {
        var config = JsonNode.Parse(await File.ReadAllTextAsync(configPath))!.AsObject();
        foreach (var (key, value) in settings)
        {
            config[key] = value;
        }

        await File.WriteAllTextAsync(configPath, config.ToJsonString());

        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ContentRootPath = Path.GetDirectoryName(configPath)!, Args = [] });
        builder.WebHost.UseTestServer();
        builder.Configuration.Sources.Clear();
        LinkerHost.Configure(builder, configPath, interactive: true);
        builder.Services.AddLinkerWeb();
        var app = builder.Build();
        app.MapLinkerEndpoints();
        await app.Services.GetRequiredService<StoreInitializer>().MigrateAsync(CancellationToken.None);
        await app.StartAsync();
        return new TelemetryHost(app);
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
