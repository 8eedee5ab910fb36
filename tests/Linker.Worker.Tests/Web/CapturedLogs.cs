using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace OkrLinker.Worker.Tests.Web;

/// <summary>A logger provider that keeps every formatted message (with its exception), so a test can search them.</summary>
public sealed class CapturedLogs : ILoggerProvider
{
    private readonly ConcurrentQueue<string> lines = new();

    public IReadOnlyList<string> Lines => [.. lines];

    public ILogger CreateLogger(string categoryName) => new CapturingLogger(categoryName, lines);

    public void Dispose()
    {
    }
}
