using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using OkrLinker.Core.Configuration;
using OkrLinker.Core.Store;
using OkrLinker.Worker.Cli;
using OkrLinker.Worker.Delivery;
using OkrLinker.Worker.Web;
using OkrLinker.Worker.Webhooks;
using Quartz;

namespace OkrLinker.Worker.Scheduling;

/// <summary>The long-running worker: the verbs' services plus Quartz, the web endpoints and systemd integration.</summary>
internal static class WorkerHost
{
    /// <param name="configure">Extra registrations: the tests' fake sources and clocks.</param>
    public static WebApplication Build(string configPath, Action<IServiceCollection>? configure = null)
    {
        var fullPath = LinkerHost.Locate(configPath);
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            ContentRootPath = Path.GetDirectoryName(fullPath)!,
            Args = [],
        });
        builder.Configuration.Sources.Clear();
        LinkerHost.Configure(builder, fullPath, interactive: false);

        var worker = builder.Configuration.GetSection(WorkerOptions.Section).Get<WorkerOptions>() ?? new WorkerOptions();
        builder.Services.AddOptions<WorkerOptions>().Bind(builder.Configuration.GetSection(WorkerOptions.Section))
            .Validate(o => CronTimes.IsValid(o.SweepSchedule), "Worker:SweepSchedule: not a Quartz cron expression")
            .Validate(o => o.ShutdownGrace > TimeSpan.Zero, "Worker:ShutdownGrace: must be positive")
            .Validate(o => !string.IsNullOrWhiteSpace(o.InstanceId), "Worker:InstanceId: empty; leave it out (AUTO) or name this node")
            .Validate(o => o.ClusterCheckinInterval > TimeSpan.Zero, "Worker:ClusterCheckinInterval: must be positive")
            .Validate(o => o.ClusterCheckinMisfireThreshold > TimeSpan.Zero, "Worker:ClusterCheckinMisfireThreshold: must be positive")
            .Validate(o => o.WebhookReplayWindow > TimeSpan.Zero, "Worker:WebhookReplayWindow: must be positive")
            .ValidateOnStart();
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = worker.ShutdownGrace);
        builder.Services.AddSystemd();

        builder.Services.AddSingleton<ShutdownSignal>();
        var store = builder.Configuration.GetSection("Store").Get<StoreOptions>() ?? new StoreOptions();
        var node = new NodeIdentity(worker, StoreProvider.IsPostgres(store.Provider), TimeProvider.System);
        builder.Services.AddSingleton(node);
        builder.Services.AddHostedService<Telemetry.NodeInfoTelemetry>();
        builder.Services.AddQuartz(q =>
        {
            ClusterSchedule.Configure(q, node, worker, store);
            q.AddJobListener<Telemetry.JobRunTelemetry>();
        });
        builder.Services.AddQuartzHostedService(o => o.WaitForJobsToComplete = true);
        builder.Services.AddHostedService<ScheduleSetup>();
        builder.Services.AddTransient<SyncScopeJob>();
        builder.Services.AddTransient<RefreshJob>();
        builder.Services.AddTransient<MetricPullJob>();
        builder.Services.AddTransient<WeeklyReportJob>();

        builder.Services.AddReportDelivery();
        builder.Services.AddLinkerWeb();
        builder.Services.AddWebhookReceivers();
        builder.WebHost.UseUrls(builder.Configuration["Web:Urls"] ?? "http://127.0.0.1:8080");
        configure?.Invoke(builder.Services);

        var app = builder.Build();
        app.MapLinkerEndpoints();
        app.MapWebhookReceivers();
        return app;
    }

    /// <summary>Validates the options the worker reads at start, so a bad config ends with exit 2 before anything runs.</summary>
    /// <exception cref="OptionsValidationException">A Worker or Report:Deliver setting is wrong; each failure names its key.</exception>
    public static void ValidateAtStart(IServiceProvider services)
    {
        _ = services.GetRequiredService<IOptions<WorkerOptions>>().Value;
        var options = services.GetRequiredService<IOptions<Core.Configuration.LinkerOptions>>().Value;
        var problems = ReportDeliveryRunner.Validate(options.Report.Deliver).ToList();
        problems.AddRange(options.Sources
            .Select((source, i) => (source, i))
            .Where(s => !CronTimes.IsValid(s.source.Schedule))
            .Select(s => $"Sources:{s.i}:Schedule: '{s.source.Schedule}' is not a Quartz cron expression (seconds first, e.g. 0 */15 * * * ?)"));
        problems.AddRange(Webhooks.WebhookEndpoints.Validate(options.Sources));
        if (!CronTimes.IsValid(options.Report.Schedule))
        {
            problems.Add($"Report:Schedule: '{options.Report.Schedule}' is not a Quartz cron expression (e.g. 0 0 8 ? * MON)");
        }

        if (!CronTimes.IsValid(options.Metrics.Schedule))
        {
            problems.Add($"Metrics:Schedule: '{options.Metrics.Schedule}' is not a Quartz cron expression (e.g. 0 0 6 * * ?)");
        }

        if (problems.Count > 0)
        {
            throw new OptionsValidationException("Worker", typeof(Core.Configuration.LinkerOptions), problems);
        }
    }
}
