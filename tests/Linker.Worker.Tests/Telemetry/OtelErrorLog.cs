using System.Collections.Concurrent;
using System.Diagnostics.Tracing;
using System.Globalization;

namespace OkrLinker.Worker.Tests.Telemetry;

/// <summary>OpenTelemetry's own warnings and errors (its event sources), so a failed export says why in the test's message.</summary>
public sealed class OtelErrorLog : EventListener
{
    private readonly ConcurrentQueue<string> lines = new();

    public override string ToString() => string.Join("\n", lines);

    protected override void OnEventSourceCreated(EventSource eventSource)
    {
        ArgumentNullException.ThrowIfNull(eventSource);
        if (eventSource.Name.StartsWith("OpenTelemetry", StringComparison.Ordinal))
        {
            EnableEvents(eventSource, EventLevel.Warning);
        }
    }

    protected override void OnEventWritten(EventWrittenEventArgs eventData)
    {
        ArgumentNullException.ThrowIfNull(eventData);
        var message = eventData.Message is { } format && eventData.Payload is { } payload
            ? string.Format(CultureInfo.InvariantCulture, format, [.. payload])
            : string.Join(", ", eventData.Payload ?? []);
        lines.Enqueue($"{eventData.EventSource.Name} {eventData.Level}: {message}");
    }
}
