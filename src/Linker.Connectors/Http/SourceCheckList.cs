using System.Text.Json;
using OkrLinker.Core.Sources;

namespace OkrLinker.Connectors.Http;

/// <summary>
/// The <c>check</c> table of one live source, built one probe at a time: a probe that fails with what a
/// tracker can answer (refused credentials, a 404, a network error, an unexpected body) becomes a failed
/// line with its message instead of ending the check (<see cref="ISourceCheck"/> never throws for those).
/// </summary>
internal sealed class SourceCheckList(string source)
{
    private readonly List<CheckLine> lines = [];

    public IReadOnlyList<CheckLine> Lines => lines;

    /// <summary>Runs <paramref name="probe"/>; its text is the line's detail. Returns whether it succeeded.</summary>
    public async Task<bool> AddAsync(string subject, Func<CancellationToken, Task<string>> probe, CancellationToken cancellationToken)
    {
        try
        {
            lines.Add(new CheckLine(source, subject, true, await probe(cancellationToken)));
            return true;
        }
        catch (Exception ex) when (ex is SourceException or HttpRequestException or JsonException or KeyNotFoundException or InvalidOperationException
            or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            lines.Add(new CheckLine(source, subject, false, ex.Message));
            return false;
        }
    }

    /// <summary>Adds a line whose outcome is already known.</summary>
    public void Add(string subject, bool ok, string detail) => lines.Add(new CheckLine(source, subject, ok, detail));
}
