using System.Runtime.ExceptionServices;

namespace OkrLinker.Core.Reports;

/// <summary>
/// The files of one report, written while it is built (<see cref="ReportWriter.Plan"/>, then
/// <see cref="ReportBuilder.BuildAsync(Okrs.OkrSet, Figures.IsoWeek, ReportFiles?, CancellationToken)"/>): as soon as the
/// report is made, every format but JSON renders on the thread pool, and the JSON file is written by the one
/// serialization that makes the snapshot's gzip, as its bytes come. At a million items the JSON is 141 MB that is then
/// never held, and the HTML and CSV cost no wall time beside it on a second core.
/// Each file is written under a temporary name and moved to its own by <see cref="CompleteAsync"/>, after the build:
/// a file appears whole or not at all, and a failed build (disposed without completing) leaves none.
/// </summary>
public sealed class ReportFiles : IAsyncDisposable
{
    private readonly IReadOnlyList<IReportRenderer> renderers;
    private readonly string folder;
    private readonly List<(IReportRenderer Renderer, string Path)> planned = [];
    private string? json;
    private readonly CancellationTokenSource stopped = new();
    private readonly List<(string Path, Task Rendered)> rendering = [];
    private CancellationTokenSource? linked;
    private WeeklyReport? report;
    private bool jsonWritten;
    private ExceptionDispatchInfo? jsonFailure;
    private bool completed;

    internal ReportFiles(IReadOnlyList<IReportRenderer> renderers, string folder)
    {
        this.renderers = renderers;
        this.folder = folder;
    }

    /// <summary>Every file, <c>report-&lt;week&gt;.&lt;format&gt;</c> in the order of the formats asked for; known once the report is.</summary>
    public IReadOnlyList<string> Paths => [.. planned.Select(p => p.Path)];

    /// <summary>Starts every format but JSON on the thread pool; the JSON file waits for the report's serialization.</summary>
    internal void Start(WeeklyReport report, CancellationToken cancellationToken)
    {
        if (this.report is not null)
        {
            throw new InvalidOperationException("These report files are being written for a report already.");
        }

        this.report = report;
        planned.AddRange(renderers.Select(r => (r, Path.Combine(folder, $"report-{report.Week}.{r.Format}"))));
        json = planned.FirstOrDefault(p => p.Renderer is JsonReportRenderer).Path;
        if (json is not null)
        {
            ReportJson.WriteFileWhenSerialized(report, this);
        }

        linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, stopped.Token);
        var token = linked.Token;
        foreach (var (renderer, path) in planned)
        {
            if (renderer is not JsonReportRenderer)
            {
                rendering.Add((path, Task.Run(() => RenderAsync(renderer, report, path, token), token)));
            }
        }
    }

    /// <summary>
    /// The report's one serialization (<see cref="ReportJson.Serialize(WeeklyReport)"/> calls this), written to the JSON
    /// file's temporary name as it is made. A file that cannot be written fails the file, not the serialization.
    /// </summary>
    internal SerializedReport Serialize(WeeklyReport report)
    {
        SoftFailingStream? file = null;
        try
        {
            Directory.CreateDirectory(folder);
            file = new SoftFailingStream(File.Create(Temp(json!)));
        }
        catch (Exception problem) when (problem is IOException or UnauthorizedAccessException)
        {
            jsonFailure = ExceptionDispatchInfo.Capture(problem);
        }

        // The file is written on a thread of its own (BackgroundWriteStream): this one serializes and compresses.
        var writing = file is null ? null : new BackgroundWriteStream(file);
        try
        {
            return SerializedReport.Of(report, ReportJson.Options, writing);
        }
        finally
        {
            if (writing is not null)
            {
                // Waits for the last bytes, then closes the file.
                writing.Dispose();
                jsonFailure ??= file!.Failure;
            }

            jsonWritten = true;
        }
    }

    /// <summary>
    /// Waits for every file and moves each to its name; returns their paths. A file that failed is not moved, and its
    /// failure is thrown once the others are in place. Call it after the build: the files then follow its snapshot.
    /// </summary>
    public async Task<IReadOnlyList<string>> CompleteAsync(CancellationToken cancellationToken)
    {
        var built = report ?? throw new InvalidOperationException("No report was built with these files.");
        var failures = new List<ExceptionDispatchInfo>();
        var done = new List<string>();
        if (json is not null)
        {
            WriteJson(built);
            if (jsonFailure is null)
            {
                done.Add(json);
            }
            else
            {
                failures.Add(jsonFailure);
            }
        }

        foreach (var (path, rendered) in rendering)
        {
            try
            {
                await rendered.WaitAsync(cancellationToken);
                done.Add(path);
            }
            catch (Exception problem) when (problem is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                failures.Add(ExceptionDispatchInfo.Capture(problem));
            }
        }

        foreach (var path in done)
        {
            File.Move(Temp(path), path, overwrite: true);
        }

        completed = true;
        Forget();
        failures.FirstOrDefault()?.Throw();
        return Paths;
    }

    /// <summary>Stops what is still rendering and deletes every temporary file, unless <see cref="CompleteAsync"/> ran.</summary>
    public async ValueTask DisposeAsync()
    {
        if (!completed)
        {
            await stopped.CancelAsync();
            foreach (var (_, rendered) in rendering)
            {
                await rendered.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }

            Forget();
        }

        foreach (var (_, path) in planned)
        {
            Delete(Temp(path));
        }

        linked?.Dispose();
        stopped.Dispose();
    }

    private static string Temp(string path) => path + ".tmp";

    private static void Delete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception problem) when (problem is IOException or UnauthorizedAccessException)
        {
            // Left behind: a later write of the same file replaces it.
        }
    }

    // The build kept a delivered week's snapshot (nothing serialized), or the report was serialized before these files
    // were started (ReportWriter.WriteAsync after a build): the file is written now, from the one serialization.
    private void WriteJson(WeeklyReport built)
    {
        var serialized = ReportJson.Serialize(built);
        if (jsonWritten)
        {
            return;
        }

        jsonWritten = true;
        try
        {
            Directory.CreateDirectory(folder);
            using var file = File.Create(Temp(json!));
            serialized.WriteJson(file);
        }
        catch (Exception problem) when (problem is IOException or UnauthorizedAccessException)
        {
            jsonFailure = ExceptionDispatchInfo.Capture(problem);
        }
    }

    private void Forget()
    {
        if (report is not null)
        {
            ReportJson.ForgetFile(report);
        }
    }

    private async Task RenderAsync(IReportRenderer renderer, WeeklyReport report, string path, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(folder);
        var temp = Temp(path);
        try
        {
            await using var stream = File.Create(temp);
            await renderer.RenderAsync(report, stream, cancellationToken);
        }
        catch
        {
            Delete(temp);
            throw;
        }
    }
}
