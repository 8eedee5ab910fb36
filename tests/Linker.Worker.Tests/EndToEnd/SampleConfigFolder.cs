using Microsoft.Data.Sqlite;

namespace OkrLinker.Worker.Tests.EndToEnd;

/// <summary>
/// A copy of the repository's <c>config/</c> folder in a fresh temp folder, so that <c>../out</c> and
/// <c>../data</c> (relative to the config file) land beside it and never in the clone.
/// </summary>
internal sealed class SampleConfigFolder : IDisposable
{
    public SampleConfigFolder()
    {
        CopyFolder(Path.Combine(RepoRoot(), "config"), ConfigFolder);
    }

    public string Root { get; } = Path.Combine(Path.GetTempPath(), "okrlinker-e2e-" + Guid.NewGuid().ToString("N"));

    public string ConfigFolder => Path.Combine(Root, "config");

    public string ConfigFile => Path.Combine(ConfigFolder, "linker.json");

    public string Samples => Path.Combine(ConfigFolder, "samples");

    public string Report(string extension) => Path.Combine(Root, "out", "report-2026-W47." + extension);

    public void Dispose()
    {
        // Pooled connections keep the SQLite file open, and an open file cannot be deleted on Windows.
        SqliteConnection.ClearAllPools();
        if (Directory.Exists(Root))
        {
            Directory.Delete(Root, recursive: true);
        }
    }

    private static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "OkrLinker.sln")))
            {
                return dir.FullName;
            }
        }

        Assert.Fail($"No OkrLinker.sln above '{AppContext.BaseDirectory}'; cannot find the config/ folder.");
        return "";
    }

    private static void CopyFolder(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.GetFiles(from))
        {
            File.Copy(file, Path.Combine(to, Path.GetFileName(file)));
        }

        foreach (var dir in Directory.GetDirectories(from))
        {
            CopyFolder(dir, Path.Combine(to, Path.GetFileName(dir)));
        }
    }
}
