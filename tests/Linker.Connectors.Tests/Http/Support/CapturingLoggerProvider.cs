using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace OkrLinker.Connectors.Tests.Http.Support;

/// <summary>Keeps every log line, with its structured values and exception, so tests can search them.</summary>
internal sealed class CapturingLoggerProvider : ILoggerProvider
{
    private readonly ConcurrentQueue<string> lines = new();

    public IReadOnlyList<string> Lines => [.. lines];

    public ILogger CreateLogger(string categoryName) => new CapturingLogger(lines, categoryName);

    public void Dispose()
    {
    }
}
