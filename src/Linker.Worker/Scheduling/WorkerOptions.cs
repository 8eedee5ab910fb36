namespace OkrLinker.Worker.Scheduling;

/// <summary>The <c>Worker</c> section: how the long-running worker schedules and stops.</summary>
public sealed class WorkerOptions
{
    public const string Section = "Worker";

    /// <summary>The <see cref="InstanceId"/> that asks for one made up at start (host name, process id, start time).</summary>
    public const string AutoInstanceId = "AUTO";

    /// <summary>How long a stop may take: a running sync ends after its current page within it. Default 30 s.</summary>
    public TimeSpan ShutdownGrace { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Quartz cron of the reconciliation sweep (a full read of every scope), UTC. Default daily at 03:30.</summary>
    public string SweepSchedule { get; set; } = "0 30 3 * * ?";

    /// <summary>
    /// This node's id in the cluster (<c>Store.Provider = Postgres</c>): unique per running process, shown in the logs
    /// and on <c>/metrics</c>. Default <c>AUTO</c>: made up at start, so identical replicas need no per-node config.
    /// </summary>
    public string InstanceId { get; set; } = AutoInstanceId;

    /// <summary>How often a clustered node records that it is alive. Default 5 s.</summary>
    public TimeSpan ClusterCheckinInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// How long past a missed check-in the other nodes wait before they take a node for dead and recover its jobs
    /// (a node that dies mid-job is taken over after about interval + threshold). Default 15 s.
    /// </summary>
    public TimeSpan ClusterCheckinMisfireThreshold { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>
    /// How long an accepted webhook delivery's id is kept, so that a replay of it is ignored (on any node). GitHub lets
    /// a delivery be redelivered for 3 days. Default 3 days.
    /// </summary>
    public TimeSpan WebhookReplayWindow { get; set; } = TimeSpan.FromDays(3);
}
