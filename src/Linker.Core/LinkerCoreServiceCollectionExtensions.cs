using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using OkrLinker.Core.Configuration;
using OkrLinker.Core.Linking;
using OkrLinker.Core.Metrics;
using OkrLinker.Core.Okrs;
using OkrLinker.Core.Reports;
using OkrLinker.Core.Sources;
using OkrLinker.Core.Store;
using OkrLinker.Core.Sync;

namespace OkrLinker.Core;

public static class LinkerCoreServiceCollectionExtensions
{
    /// <summary>
    /// The options (bound from <paramref name="configuration"/> and validated at start), the store,
    /// the sync engine, linking and the report pipeline. <paramref name="configDirectory"/> anchors
    /// every relative path of the config.
    /// </summary>
    public static IServiceCollection AddLinkerCore(this IServiceCollection services, IConfiguration configuration, string configDirectory)
    {
        var location = new ConfigLocation(configDirectory);
        services.AddSingleton(location);
        services.AddSingleton(new SecretReader(location));
        services.AddOptions<LinkerOptions>()
            .Configure(o => ClearDefaultsTheConfigReplaces(o, configuration))
            .Bind(configuration)
            .PostConfigure(o => o.Teams = ReadTeams(configuration.GetSection(nameof(LinkerOptions.Teams))))
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<LinkerOptions>, LinkerOptionsValidator>();
        services.AddSingleton<IValidateOptions<LinkerOptions>, MetricsOptionsValidator>();
        services.AddSingleton<IValidateOptions<LinkerOptions>, WriteBackOptionsValidator>();
        services.TryAddSingleton(TimeProvider.System);

        services.AddDbContextFactory<LinkerDbContext>((sp, db) =>
        {
            var store = sp.GetRequiredService<IOptions<LinkerOptions>>().Value.Store;
            db.UseStore(store.Provider, StoreProvider.IsPostgres(store.Provider)
                ? store.ConnectionString
                : SqliteConnectionString(store.ConnectionString, location));
        });

        services.AddSingleton<StoreInitializer>();
        services.AddSingleton<SourceCatalog>();
        services.AddSingleton<MetricProviderCatalog>();
        services.AddMetrics();
        services.AddSingleton<SyncMetrics>();
        services.AddSingleton<SyncEngine>();
        services.AddSingleton<SyncRunner>();
        services.AddSingleton<OkrSetSource>();
        services.AddSingleton<LinkRunner>();
        services.AddSingleton<ItemExplainer>();
        services.AddSingleton<ReportBuilder>();
        services.TryAddSingleton<MetricProviderLookup>(sp => sp.GetRequiredService<MetricProviderCatalog>().Find);
        services.AddSingleton<MetricPuller>();
        services.AddSingleton<ReportWriter>();
        services.AddSingleton<ReportArchive>();
        services.AddSingleton<IReportRenderer, MarkdownReportRenderer>();
        services.AddSingleton<IReportRenderer, JsonReportRenderer>();
        services.AddSingleton<IReportRenderer, HtmlReportRenderer>();
        services.AddSingleton<IReportRenderer, CsvReportRenderer>();
        return services;
    }

    // The binder appends to a list that already holds its defaults; a list the config sets replaces them.
    private static void ClearDefaultsTheConfigReplaces(LinkerOptions options, IConfiguration configuration)
    {
        if (configuration.GetSection("Linking:TagPatterns").GetChildren().Any())
        {
            options.Linking.TagPatterns.Clear();
        }

        if (configuration.GetSection("Linking:TitlePatterns").GetChildren().Any())
        {
            options.Linking.TitlePatterns.Clear();
        }

        if (configuration.GetSection("Linking:ReferencePatterns").GetChildren().Any())
        {
            options.Linking.ReferencePatterns.Clear();
        }

        if (configuration.GetSection("Report:Formats").GetChildren().Any())
        {
            options.Report.Formats.Clear();
        }
    }

    // Teams keys hold a ':' ("jira:PAY"), which configuration reads as a path separator; the binder
    // would see nested sections and drop them, so the keys are put back together from the leaves.
    private static Dictionary<string, string> ReadTeams(IConfigurationSection section)
    {
        var teams = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (key, value) in section.AsEnumerable(makePathsRelative: true))
        {
            if (value is not null)
            {
                teams[key] = value;
            }
        }

        return teams;
    }

    // A relative database file is taken from the config file's folder, like every other path.
    private static string SqliteConnectionString(string connectionString, ConfigLocation location)
    {
        var builder = new SqliteConnectionStringBuilder(connectionString);
        if (!string.IsNullOrEmpty(builder.DataSource) && builder.DataSource != ":memory:"
            && !builder.DataSource.StartsWith("file:", StringComparison.OrdinalIgnoreCase))
        {
            builder.DataSource = location.Resolve(builder.DataSource);
            Directory.CreateDirectory(Path.GetDirectoryName(builder.DataSource)!);
        }

        return builder.ToString();
    }
}
