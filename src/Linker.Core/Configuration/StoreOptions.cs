namespace OkrLinker.Core.Configuration;

public sealed class StoreOptions
{
    /// <summary><c>Sqlite</c> (default) or <c>Postgres</c>.</summary>
    public string Provider { get; set; } = "Sqlite";

    /// <summary>A relative <c>Data Source</c> path is taken relative to the config file.</summary>
    public string ConnectionString { get; set; } = "Data Source=../data/okrlinker.db";
}
