using Microsoft.Data.Sqlite;
using OkrLinker.Worker.Cli;

namespace OkrLinker.Worker.Tests.Support;

/// <summary>
/// A config folder in a temp directory (<c>config/linker.json</c>, <c>config/okrs.yaml</c>,
/// <c>config/samples/…</c>), so the store and reports land beside it and vanish with it.
/// </summary>
public sealed class TempConfig : IDisposable
{
    public const string GoodOkrs = """
        period: { name: 2026-Q4, start: 2026-10-01, end: 2026-12-31 }
        objectives:
          - id: O1
            title: New users quickly find value in the product
            keyResults:
              - id: O1-KR1
                title: Raise day-7 activation from 35% to 50%
                baseline: 35
                target: 50
                metric: { provider: tracker, measure: count, where: [ { Label: activated } ], unit: accounts }
              - id: O1-KR2
                title: Cut time to first value from 9 to 4 minutes
                baseline: 9
                target: 4
                metric: { provider: tracker, measure: points, unit: points }
        """;

    /// <summary>
    /// Two KRs on a <c>sheets</c> metric provider (kind csv): O1-KR1 from its own baseline 35 to 50 % on
    /// <c>activation.csv</c>, O1-KR2 to 4 minutes on <c>ttv.csv</c> with its baseline from the metric.
    /// </summary>
    public const string SheetsOkrs = """
        period: { name: 2026-Q4, start: 2026-10-01, end: 2026-12-31 }
        objectives:
          - id: O1
            title: New users quickly find value in the product
            keyResults:
              - id: O1-KR1
                title: Raise day-7 activation from 35% to 50%
                baseline: 35
                target: 50
                metric: { provider: sheets, query: activation.csv, unit: "%" }
              - id: O1-KR2
                title: Cut time to first value to 4 minutes
                target: 4
                metric: { provider: sheets, query: ttv.csv, unit: min }
        """;

    /// <summary>The <c>Metrics</c> section that goes with <see cref="SheetsOkrs"/>.</summary>
    public const string SheetsProvider = """{ "Providers": [ { "Name": "sheets", "Kind": "csv", "Path": "samples/metrics" } ] }""";

    private readonly string root = Directory.CreateTempSubdirectory("okrlinker-cli-").FullName;

    public TempConfig()
    {
        Directory.CreateDirectory(ConfigFolder);
    }

    public string Root => root;

    public string ConfigFolder => Path.Combine(root, "config");

    public string ConfigPath => Path.Combine(ConfigFolder, "linker.json");

    public string OutFolder => Path.Combine(root, "out");

    public TempConfig WithConfig(string json)
    {
        File.WriteAllText(ConfigPath, json);
        return this;
    }

    public TempConfig WithOkrs(string yaml)
    {
        File.WriteAllText(Path.Combine(ConfigFolder, "okrs.yaml"), yaml);
        return this;
    }

    public TempConfig WithFile(string relativePath, string content)
    {
        var path = Path.Combine(ConfigFolder, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
        return this;
    }

    /// <summary>Runs a verb in-process with <c>--config</c> pointing here.</summary>
    public async Task<CliRun> RunAsync(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var code = await LinkerCommandLine.InvokeAsync([.. args, "--config", ConfigPath], stdout, stderr, CancellationToken.None);
        return new CliRun(code, stdout.ToString(), stderr.ToString());
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(root, recursive: true);
    }
}
