namespace OkrLinker.Worker.Scheduling;

/// <summary>The <c>Worker</c> section: how the long-running worker schedules and stops.</summary>
public sealed class WorkerOptions
{
    public const string Section = "Worker";

    /// <summary>How long a stop may take: a running sync ends after its current page within it. Default 30 s.</summary>
    public TimeSpan ShutdownGrace { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Quartz cron of the reconciliation sweep (a full read of every scope), UTC. Default daily at 03:30.</summary>
    public string SweepSchedule { get; set; } = "0 30 3 * * ?";
}
