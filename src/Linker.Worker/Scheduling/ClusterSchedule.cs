using OkrLinker.Core.Configuration;
using Quartz;

namespace OkrLinker.Worker.Scheduling;

/// <summary>
/// Where the schedule lives. SQLite (one node): Quartz's in-memory store, as ever. PostgreSQL: Quartz's clustered ADO
/// job store in the same database as the store, its official tables created at start when missing (safe when nodes
/// start together), one row per node checked in every <see cref="WorkerOptions.ClusterCheckinInterval"/>; each trigger
/// fires on exactly one node, and the firings of a node that stops checking in are recovered by another.
/// </summary>
internal static class ClusterSchedule
{
    /// <summary>The scheduler's name: the same on every node, which is what makes them one cluster.</summary>
    public const string SchedulerName = "okrlinker";

    public static void Configure(IQuartzBuilder quartz, NodeIdentity node, WorkerOptions worker, StoreOptions store)
    {
        if (!node.Clustered)
        {
            return;
        }

        quartz.ConfigureScheduler(s =>
        {
            s.InstanceName = SchedulerName;
            s.InstanceId = node.Id;
        });
        quartz.UsePersistentStore(s =>
        {
            s.UsePostgres(store.ConnectionString);
            s.ProvisionSchema();
            s.UseExecutionHistory();
            s.UseClustering(c =>
            {
                c.CheckinInterval = worker.ClusterCheckinInterval;
                c.CheckinMisfireThreshold = worker.ClusterCheckinMisfireThreshold;
            });
        });
    }

    /// <summary>
    /// What a cron trigger does about fire times it missed. A clustered schedule outlives its nodes, so a slot missed
    /// while every node was down is found by Quartz and run once, by one node. In memory the schedule is made afresh at
    /// each start and <see cref="ScheduleSetup"/> judges the catch-up from the store instead.
    /// </summary>
    public static void Misfires(CronScheduleBuilder cron, bool clustered) =>
        cron.WithMisfireInstruction(clustered ? CronTriggerMisfireInstruction.FireAndProceed : CronTriggerMisfireInstruction.DoNothing);
}
