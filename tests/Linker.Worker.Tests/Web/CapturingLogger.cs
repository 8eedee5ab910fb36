using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace OkrLinker.Worker.Tests.Web;

/// <summary>The logger of <see cref="CapturedLogs"/>: every level, scopes ignored.</summary>
internal sealed class CapturingLogger(string category, ConcurrentQueue<string> lines) : ILogger
{
    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        var structured = state is IEnumerable<KeyValuePair<string, object?>> pairs
            ? string.Join(" ", pairs.Select(p => $"{p.Key}={p.Value}"))
            : "";
        lines.Enqueue($"{logLevel} {category}: {formatter(state, exception)} [{structured}] {exception}");
    }
}
