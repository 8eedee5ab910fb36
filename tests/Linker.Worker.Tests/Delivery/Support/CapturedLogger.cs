using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace OkrLinker.Worker.Tests.Delivery.Support;

/// <summary>The logger <see cref="CapturedLogs"/> hands out.</summary>
internal sealed class CapturedLogger(ConcurrentQueue<string> lines, string category) : ILogger
{
    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        var values = state is IEnumerable<KeyValuePair<string, object?>> pairs
            ? string.Join(" | ", pairs.Select(p => $"{p.Key}={p.Value}"))
            : "";
        lines.Enqueue($"{logLevel} {category}: {formatter(state, exception)} [{values}] {exception}");
    }
}
