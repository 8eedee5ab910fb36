using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace OkrLinker.Worker.Tests.Delivery.Support;

/// <summary>Every log line of every category at every level, with its structured values and exception.</summary>
internal sealed class CapturedLogs : ILoggerProvider
{
    private readonly ConcurrentQueue<string> lines = new();

    public IReadOnlyList<string> Lines => [.. lines];

    public string All => string.Join('\n', lines);

    public ILogger CreateLogger(string categoryName) => new CapturedLogger(lines, categoryName);

    public void Dispose()
    {
    }
}
