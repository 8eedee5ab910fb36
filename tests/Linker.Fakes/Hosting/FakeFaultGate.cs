using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using WireMock;

namespace OkrLinker.Fakes.Hosting;

/// <summary>
/// Kestrel middleware in front of WireMock that delays each request and takes its fault. Faults that live below
/// HTTP are done here, where the connection is at hand: a dropped connection (aborted before any answer) and a
/// truncated body (the full Content-Length, half the bytes, then an abort), plus the delay of a slow answer. The
/// others (429, 503, secondary limits, 200 with throttling headers) are handed to the WireMock callback through a
/// request header, which <see cref="Take"/> reads. Every fake on WireMock uses one.
/// </summary>
/// <param name="routePath">The path fault routes are matched against, from the request's path.</param>
/// <param name="dropped">Journals a request whose connection was dropped: it never reaches the callback.</param>
/// <param name="latency">A delay before every answer, a realistic round trip for benchmarks; zero for none.</param>
public sealed class FakeFaultGate(FakeFaults faults, Func<string, string> routePath, Action<HttpRequest, FakeFault> dropped, TimeSpan latency = default)
{
    public const string Header = "X-Fake-Fault";

    private static readonly TimeSpan TruncationGrace = TimeSpan.FromMilliseconds(50);

    private readonly ConcurrentDictionary<string, FakeFault> handedOver = new();
    private int inFlight;
    private int maxInFlight;

    /// <summary>The most requests this server held at once (from arrival to the end of the answer), since the start or <see cref="ResetMaxInFlight"/>.</summary>
    public int MaxInFlight => Volatile.Read(ref maxInFlight);

    public void ResetMaxInFlight() => Volatile.Write(ref maxInFlight, Volatile.Read(ref inFlight));

    /// <summary>For <c>WireMockServerSettings.PreWireMockMiddlewareInit</c>.</summary>
    public void Install(object builder) => ((IApplicationBuilder)builder).Use(InvokeAsync);

    /// <summary>The fault this gate handed to <paramref name="request"/>, if any.</summary>
    public FakeFault? Take(IRequestMessage request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var id = request.Headers?.FirstOrDefault(h => string.Equals(h.Key, Header, StringComparison.OrdinalIgnoreCase)).Value?.FirstOrDefault();
        return id is not null && handedOver.TryRemove(id, out var fault) ? fault : null;
    }

    private async Task InvokeAsync(HttpContext context, Func<Task> next)
    {
        var now = Interlocked.Increment(ref inFlight);
        for (var seen = Volatile.Read(ref maxInFlight); now > seen; seen = Volatile.Read(ref maxInFlight))
        {
            if (Interlocked.CompareExchange(ref maxInFlight, now, seen) == seen)
            {
                break;
            }
        }

        try
        {
            await AnswerAsync(context, next);
        }
        finally
        {
            Interlocked.Decrement(ref inFlight);
        }
    }

    private async Task AnswerAsync(HttpContext context, Func<Task> next)
    {
        if (latency > TimeSpan.Zero)
        {
            await Task.Delay(latency, context.RequestAborted);
        }

        var request = context.Request;
        var fault = faults.Take(request.Method, routePath(request.Path.Value ?? "/"));
        if (fault is null)
        {
            await next();
            return;
        }

        if (fault is { Kind: FakeFaultKind.Slow, Delay: { } delay })
        {
            await Task.Delay(delay, context.RequestAborted);
        }

        if (fault.Kind == FakeFaultKind.DropConnection)
        {
            dropped(request, fault);
            context.Abort();
            return;
        }

        var id = Guid.NewGuid().ToString("N");
        handedOver[id] = fault;
        request.Headers[Header] = id;
        if (fault.Kind != FakeFaultKind.TruncatedBody)
        {
            await next();
            return;
        }

        var original = context.Response.Body;
        using var buffer = new MemoryStream();
        context.Response.Body = buffer;
        await next();
        context.Response.Body = original;
        var bytes = buffer.ToArray();
        context.Response.ContentLength = bytes.Length;
        await original.WriteAsync(bytes.AsMemory(0, bytes.Length / 2), context.RequestAborted);
        await original.FlushAsync(context.RequestAborted);
        // Let the transport send the half before the abort, or the client would see no answer at all.
        await Task.Delay(TruncationGrace, context.RequestAborted);
        context.Abort();
    }
}
