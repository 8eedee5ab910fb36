using System.Diagnostics;
using System.Globalization;
using System.Text;
using OkrLinker.Connectors.Tests.Support;
using OkrLinker.Testing;

namespace OkrLinker.Connectors.Tests.Metrics.Support;

/// <summary>
/// A real Prometheus (Debian's package) on 127.0.0.1 and a free port, over a temp data folder whose blocks
/// <c>promtool tsdb create-blocks-from openmetrics</c> wrote. Started once per test class, stopped after it.
/// </summary>
/// <remarks>
/// The series, one sample an hour from 2026-09-28 00:00 UTC to 2026-10-10 00:00 UTC inclusive:
/// <c>okr_hours{team="growth"}</c> = hours since 2026-09-28 00:00 (so <c>okr_hours / 24</c> is 3 at 10-01 00:00, 5.5 at 10-03 12:00);
/// <c>okr_teams_up{team="a"}</c> and <c>{team="b"}</c> = 1, two series of one name.
/// </remarks>
public sealed class PrometheusServer : IAsyncLifetime, IDisposable
{
    public static readonly DateTimeOffset SeriesStart = new(2026, 9, 28, 0, 0, 0, TimeSpan.Zero);
    public static readonly DateTimeOffset SeriesEnd = new(2026, 10, 10, 0, 0, 0, TimeSpan.Zero);

    private readonly TempFolder folder = new();
    private Process? process;

    public Uri BaseAddress { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var prometheus = LocalTools.Find("prometheus", "Debian package prometheus");
        var promtool = LocalTools.Find("promtool", "Debian package prometheus");
        var series = folder.Write("series.om", OpenMetrics());
        var data = Path.Combine(folder.Path, "data");
        Directory.CreateDirectory(data);
        await LocalTools.RunAsync(promtool, "tsdb", "create-blocks-from", "openmetrics", series, data);
        var config = folder.Write("prometheus.yml", "global: {}\n");

        var port = LocalTools.FreePort();
        BaseAddress = new Uri($"http://127.0.0.1:{port}/");
        process = Process.Start(LocalTools.Start(null, prometheus,
        [
            $"--config.file={config}",
            $"--storage.tsdb.path={data}",
            // The blocks lie in the past; the default 15-day retention would delete them at start.
            "--storage.tsdb.retention.time=100y",
            $"--web.listen-address=127.0.0.1:{port}",
            "--log.level=warn",
        ]))!;
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        await WaitUntilReadyAsync();
    }

    public Task DisposeAsync()
    {
        if (process is { HasExited: false })
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
        }

        process?.Dispose();
        return Task.CompletedTask;
    }

    public void Dispose() => folder.Dispose();

    private async Task WaitUntilReadyAsync()
    {
        using var http = new HttpClient();
        for (var attempt = 0; attempt < 600; attempt++)
        {
            if (process!.HasExited)
            {
                throw new InvalidOperationException($"prometheus exited {process.ExitCode} at start");
            }

            try
            {
                using var ready = await http.GetAsync(new Uri(BaseAddress, "-/ready"));
                if (ready.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(100);
        }

        throw new InvalidOperationException("prometheus did not become ready within a minute");
    }

    private static string OpenMetrics()
    {
        var text = new StringBuilder();
        text.Append("# TYPE okr_hours gauge\n");
        for (var at = SeriesStart; at <= SeriesEnd; at = at.AddHours(1))
        {
            text.Append(CultureInfo.InvariantCulture, $"okr_hours{{team=\"growth\"}} {(at - SeriesStart).TotalHours} {at.ToUnixTimeSeconds()}\n");
        }

        text.Append("# TYPE okr_teams_up gauge\n");
        foreach (var team in new[] { "a", "b" })
        {
            for (var at = SeriesStart; at <= SeriesEnd; at = at.AddHours(1))
            {
                text.Append(CultureInfo.InvariantCulture, $"okr_teams_up{{team=\"{team}\"}} 1 {at.ToUnixTimeSeconds()}\n");
            }
        }

        return text.Append("# EOF\n").ToString();
    }
}
