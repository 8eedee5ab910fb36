using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Logging;

namespace OkrLinker.Worker.Tests.Delivery.Support;

/// <summary>
/// A webhook receiver on Kestrel, bound to 127.0.0.1 on a free port. It records every request and
/// answers the n-th (from 1) with what <c>reply(n)</c> says.
/// </summary>
internal sealed class HttpReceiver : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly ConcurrentQueue<ReceivedHttpRequest> requests;

    private HttpReceiver(WebApplication app, ConcurrentQueue<ReceivedHttpRequest> requests, Uri root)
    {
        this.app = app;
        this.requests = requests;
        Root = root;
    }

    public Uri Root { get; }

    public IReadOnlyList<ReceivedHttpRequest> Requests => [.. requests];

    /// <summary>A Slack-shaped hook address whose last segment is the secret part.</summary>
    public string WebhookUrl(string secret) => new Uri(Root, $"services/T0ACME/B0HOOK/{secret}").AbsoluteUri;

    public static Task<HttpReceiver> AlwaysAsync(WebhookReply reply) => StartAsync(_ => reply);

    public static async Task<HttpReceiver> StartAsync(Func<int, WebhookReply> reply)
    {
        var requests = new ConcurrentQueue<ReceivedHttpRequest>();
        var count = 0;
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory });
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Listen(IPAddress.Loopback, 0, listen => listen.Protocols = HttpProtocols.Http1);
        });
        var app = builder.Build();
        app.Run(async context =>
        {
            using var reader = new StreamReader(context.Request.Body);
            var body = await reader.ReadToEndAsync(context.RequestAborted);
            var answer = reply(Interlocked.Increment(ref count));
            requests.Enqueue(new ReceivedHttpRequest(context.Request.Method, context.Request.Path, context.Request.ContentType, body, answer.Status));
            context.Response.StatusCode = answer.Status;
            context.Response.ContentType = "text/plain";
            await context.Response.WriteAsync(answer.Body, context.RequestAborted);
        });
        await app.StartAsync();
        var port = new Uri(app.Urls.Single()).Port;
        return new HttpReceiver(app, requests, new Uri($"http://127.0.0.1:{port}/"));
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
