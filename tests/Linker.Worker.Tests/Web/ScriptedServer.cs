using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace OkrLinker.Worker.Tests.Web;

/// <summary>
/// A tiny tracker on Kestrel at 127.0.0.1 on a free port: the n-th request gets the n-th scripted answer
/// (200 once the script runs out), and every request is counted.
/// </summary>
public sealed class ScriptedServer : IAsyncDisposable
{
    private readonly WebApplication app;
    private int requests;

    private ScriptedServer(WebApplication app) => this.app = app;

    public int Requests => Volatile.Read(ref requests);

    public Uri BaseAddress => new(app.Urls.Single());

    public static async Task<ScriptedServer> StartAsync(params (int Status, string? RetryAfter)[] script)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var server = new ScriptedServer(app);
        app.Run(async context =>
        {
            var n = Interlocked.Increment(ref server.requests);
            var (status, retryAfter) = n <= script.Length ? script[n - 1] : (200, null);
            context.Response.StatusCode = status;
            if (retryAfter is not null)
            {
                context.Response.Headers.RetryAfter = retryAfter;
            }

            await context.Response.WriteAsync("{}");
        });
        await app.StartAsync();
        return server;
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
