using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace OkrLinker.Connectors.Tests.Http.Support;

/// <summary>
/// A real Kestrel server on 127.0.0.1 and a free port that answers request n with script step n (the last step
/// repeats), and records what arrived. Real sockets, so drops and truncated bodies fail as they do in production.
/// </summary>
internal sealed class ScriptedHttpServer : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly Func<HttpContext, Task>[] script;
    private readonly ConcurrentQueue<ReceivedRequest> received = new();
    private readonly long startedAt = Stopwatch.GetTimestamp();
    private int count;

    private ScriptedHttpServer(WebApplication app, Func<HttpContext, Task>[] script)
    {
        this.app = app;
        this.script = script;
    }

    public Uri BaseAddress { get; private set; } = null!;

    public int RequestCount => Volatile.Read(ref count);

    public IReadOnlyList<ReceivedRequest> Requests => [.. received.OrderBy(r => r.Index)];

    /// <summary>The time between the arrivals of request <paramref name="index"/> - 1 and <paramref name="index"/>.</summary>
    public TimeSpan GapBefore(int index) => Requests[index].ArrivedAt - Requests[index - 1].ArrivedAt;

    public static async Task<ScriptedHttpServer> StartAsync(params Func<HttpContext, Task>[] script)
    {
        if (script.Length == 0)
        {
            throw new ArgumentException("a script needs at least one step", nameof(script));
        }

        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var server = new ScriptedHttpServer(app, script);
        app.Run(server.HandleAsync);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        server.BaseAddress = new Uri(address + "/");
        return server;
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }

    private async Task HandleAsync(HttpContext context)
    {
        var index = Interlocked.Increment(ref count) - 1;
        var arrivedAt = Stopwatch.GetElapsedTime(startedAt);
        using var reader = new StreamReader(context.Request.Body);
        var body = await reader.ReadToEndAsync(context.RequestAborted);
        received.Enqueue(new ReceivedRequest(
            index,
            context.Request.Method,
            context.Request.Path + context.Request.QueryString,
            body,
            context.Request.ContentType ?? "",
            context.Request.Headers.Authorization.ToString(),
            arrivedAt));
        await script[Math.Min(index, script.Length - 1)](context);
    }
}
