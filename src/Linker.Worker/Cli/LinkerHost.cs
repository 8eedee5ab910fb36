using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using OkrLinker.Connectors.AzureDevOps;
using OkrLinker.Connectors.Files;
using OkrLinker.Connectors.GitHub;
using OkrLinker.Connectors.Jira;
using OkrLinker.Connectors.Http;
using OkrLinker.Connectors.Metrics;
using OkrLinker.Core;
using OkrLinker.Core.Configuration;
using OkrLinker.Worker.Telemetry;

namespace OkrLinker.Worker.Cli;

/// <summary>The host every verb runs in: the config file, OKRLINKER_ environment overrides, logs on stderr.</summary>
internal static class LinkerHost
{
    public const string EnvironmentPrefix = "OKRLINKER_";

    /// <exception cref="LinkerConfigException">The config file is missing or is not valid JSON.</exception>
    public static IHost Build(string configPath, bool interactive)
    {
        var fullPath = Locate(configPath);
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            DisableDefaults = true,
            ContentRootPath = Path.GetDirectoryName(fullPath)!,
        });
        Configure(builder, fullPath, interactive, neverStarted: true);
        return builder.Build();
    }

    /// <summary>The config file's full path.</summary>
    /// <exception cref="LinkerConfigException">No file there.</exception>
    public static string Locate(string configPath)
    {
        var fullPath = Path.GetFullPath(configPath);
        return File.Exists(fullPath)
            ? fullPath
            : throw new LinkerConfigException("--config", $"no config file at {fullPath} (the default is {LinkerCommandLine.DefaultConfig}, relative to the current folder)");
    }

    /// <summary>Configuration, logging and the services every verb shares, on any kind of host builder.</summary>
    /// <param name="neverStarted">
    /// The verbs' host, which is built, used and disposed but never started: see
    /// <see cref="LinkerTelemetry.AddLinkerTelemetry"/>.
    /// </param>
    public static void Configure(IHostApplicationBuilder builder, string fullPath, bool interactive, bool neverStarted = false)
    {
        try
        {
            builder.Configuration.AddJsonFile(fullPath, optional: false, reloadOnChange: false);
        }
        catch (InvalidDataException ex)
        {
            throw new LinkerConfigException(fullPath, ex.InnerException?.Message ?? ex.Message);
        }

        builder.Configuration.AddEnvironmentVariables(EnvironmentPrefix);
        builder.Configuration.AddInMemoryCollection(LinkerTelemetry.EnvironmentSettings());

        // On a terminal the progress line tells the story; log lines would tear it. Redirected
        // output gets the plain log lines instead. Logging:Console:FormatterName=json gives JSON lines.
        builder.Logging.ClearProviders();
        builder.Logging.SetMinimumLevel(interactive ? LogLevel.Warning : LogLevel.Information);
        builder.Logging.AddFilter("Microsoft", LogLevel.Warning);
        builder.Logging.AddFilter("Quartz", LogLevel.Warning);
        builder.Logging.AddConfiguration(builder.Configuration.GetSection("Logging"));
        builder.Logging.AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace);

        builder.Services.AddLinkerCore(builder.Configuration, Path.GetDirectoryName(fullPath)!);
        builder.Services.AddSourceHttp(builder.Configuration);
        builder.Services.AddFilesSource();
        builder.Services.AddGitHubSource();
        builder.Services.AddJiraSource();
        builder.Services.AddAzureDevOpsSource();
        builder.Services.AddMetricProviders();
        builder.Services.AddLinkerTelemetry(builder.Configuration, neverStarted);
    }
}
