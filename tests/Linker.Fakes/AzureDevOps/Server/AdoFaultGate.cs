using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace OkrLinker.Fakes.AzureDevOps.Server;

/// <summary>
/// Kestrel middleware in front of WireMock that takes each request's fault. Faults that live below HTTP are done
/// here, where the connection is at hand: a dropped connection (aborted before any answer) and a truncated body
/// (the full Content-Length, half the bytes, then an abort), plus the delay of a slow answer. The others (429, 503,
/// 200 with throttling headers) are handed to the WireMock callback through a request header.
/// </summary>
internal sealed class AdoFaultGate(FakeFaults faults, FakeAdoJournal journal, TimeProvider clock)
{
    public const string Header = "X-Fake-Fault";

    private static readonly TimeSpan TruncationGrace = TimeSpan.FromMilliseconds(50);

    private readonly ConcurrentDictionary<string, FakeFault> handedOver = new();

    public void Install(object builder) => ((IApplicationBuilder)builder).Use(InvokeAsync);

    /// <summary>The fault this gate handed to the request carrying <paramref name="id"/> in <see cref="Header"/>.</summary>
    public FakeFault? Take(string? id) => id is not null && handedOver.TryRemove(id, out var fault) ? fault : null;

    /// <summary>The path a fault route is matched against: without the organization, e.g. <c>/Shop/_apis/wit/wiql</c>.</summary>
    public static string RoutePath(string path) =>
        "/" + string.Join('/', path.Split('/', StringSplitOptions.RemoveEmptyEntries).Skip(1).Select(Uri.UnescapeDataString));

    private async Task InvokeAsync(HttpContext context, Func<Task> next)
    {
        var request = context.Request;
        var path = request.Path.Value ?? "/";
        var fault = faults.Take(request.Method, RoutePath(path));
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
            var segments = path.Split('/', StringSplitOptions.RemoveEmptyEntries).Select(Uri.UnescapeDataString).ToList();
            journal.Add(new FakeAdoRequest
            {
                Kind = AdoRoutes.KindOf(request.Method, segments),
                Method = request.Method,
                Path = path,
                Query = request.QueryString.Value ?? "",
                Status = 0,
                Fault = fault.Kind,
                Timestamp = clock.GetUtcNow(),
            });
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
        await Task.Delay(TruncationGrace, context.RequestAborted);
        context.Abort();
    }
}
