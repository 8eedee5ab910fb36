using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace OkrLinker.Worker.Tests.Telemetry;

/// <summary>
/// A small OTLP/HTTP endpoint on a free loopback port: it accepts protobuf posts to <c>/v1/traces</c>,
/// <c>/v1/metrics</c> and <c>/v1/logs</c>, answers 200 with an empty export response, and keeps what it got.
/// </summary>
public sealed class OtlpReceiver : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly ConcurrentQueue<(string Signal, string ContentType, byte[] Body)> received;

    private OtlpReceiver(WebApplication app, ConcurrentQueue<(string, string, byte[])> received)
    {
        this.app = app;
        this.received = received;
        Endpoint = new Uri(app.Urls.Single());
    }

    /// <summary>The base address, as <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> takes it (the exporter adds <c>/v1/traces</c>).</summary>
    public Uri Endpoint { get; }

    /// <summary>The signals posted so far (traces, metrics, logs), one entry per request.</summary>
    public IReadOnlyList<string> Signals => [.. received.Select(r => r.Signal)];

    /// <summary>The content types the exporter sent.</summary>
    public IReadOnlyList<string> ContentTypes => [.. received.Select(r => r.ContentType).Distinct()];

    /// <summary>Every span of every trace request so far.</summary>
    public IReadOnlyList<OtlpSpan> Spans => [.. received.Where(r => r.Signal == "traces").SelectMany(r => OtlpTraceReader.Read(r.Body))];

    /// <summary>Every sum and gauge point of every metrics request so far, oldest export first.</summary>
    public IReadOnlyList<OtlpMetricPoint> MetricPoints => [.. received.Where(r => r.Signal == "metrics").SelectMany(r => OtlpMetricReader.Read(r.Body))];

    /// <summary>Every log record of every logs request so far.</summary>
    public IReadOnlyList<OtlpLogRecord> Logs => [.. received.Where(r => r.Signal == "logs").SelectMany(r => OtlpLogReader.Read(r.Body))];

    public static async Task<OtlpReceiver> StartAsync()
    {
        var received = new ConcurrentQueue<(string, string, byte[])>();
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory });
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        app.MapPost("/v1/{signal}", async (string signal, HttpRequest request) =>
        {
            using var body = new MemoryStream();
            await request.Body.CopyToAsync(body);
            received.Enqueue((signal, request.ContentType ?? "", body.ToArray()));
            return Results.Bytes([], "application/x-protobuf");
        });
        await app.StartAsync();
        return new OtlpReceiver(app, received);
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
