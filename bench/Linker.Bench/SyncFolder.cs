namespace OkrLinker.Bench;

/// <summary>
/// A scenario's temporary folder for <c>okrlinker sync</c> against a fake: <c>config/okrs.yaml</c> (the bench OKRs),
/// <c>config/linker.json</c> as given, and the token in its variable. Disposing clears the variable and deletes it all.
/// </summary>
internal sealed class SyncFolder : IDisposable
{
    private readonly string root;
    private readonly string tokenVariable;

    private SyncFolder(string root, string tokenVariable, string configPath)
    {
        this.root = root;
        this.tokenVariable = tokenVariable;
        ConfigPath = configPath;
    }

    /// <summary>The <c>--config</c> of the sync: <c>config/linker.json</c>.</summary>
    public string ConfigPath { get; }

    public static async Task<SyncFolder> CreateAsync(string prefix, string tokenVariable, string token, string configJson, CancellationToken cancellationToken)
    {
        var root = Directory.CreateTempSubdirectory(prefix).FullName;
        Environment.SetEnvironmentVariable(tokenVariable, token);
        var config = Path.Combine(root, "config");
        Directory.CreateDirectory(config);
        await File.WriteAllTextAsync(Path.Combine(config, "okrs.yaml"), BenchItems.Okrs, cancellationToken);
        var configPath = Path.Combine(config, "linker.json");
        await File.WriteAllTextAsync(configPath, configJson, cancellationToken);
        return new SyncFolder(root, tokenVariable, configPath);
    }

    public void Dispose()
    {
        Environment.SetEnvironmentVariable(tokenVariable, null);
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(root, recursive: true);
    }
}
