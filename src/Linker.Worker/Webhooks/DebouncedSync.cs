using Quartz;
using OkrLinker.Worker.Scheduling;

namespace OkrLinker.Worker.Webhooks;

/// <summary>
/// Asks for a scope's sync through its own Quartz job (<see cref="SyncScopeJob.KeyFor"/>), debounced: one one-shot
/// trigger per scope, named <c>webhook:{source}:{scope}</c>, firing the debounce after the first delivery. A delivery
/// that finds that trigger still waiting joins it, so a burst in the window makes one sync; a trigger that already
/// fired (its sync may have read the tracker before this change) is replaced by a new one. In a cluster the trigger
/// lives in the shared job store, so whichever node took the deliveries, one node runs the sync.
/// </summary>
internal static class DebouncedSync
{
    public const string Group = "webhooks";

    public static TriggerKey TriggerFor(string source, string scope) => new($"webhook:{source}:{scope}", Group);

    /// <summary>The scope ids of <paramref name="source"/> that have a sync job on the schedule.</summary>
    public static async Task<IReadOnlyList<string>> ScopesAsync(IScheduler scheduler, string source, CancellationToken cancellationToken)
    {
        var prefix = source + ":";
        var keys = await scheduler.GetJobKeys(GroupMatcher<JobKey>.GroupEquals(SyncScopeJob.KeyFor(source, "").Group), cancellationToken);
        return [.. keys.Where(k => k.Name.StartsWith(prefix, StringComparison.Ordinal)).Select(k => k.Name[prefix.Length..]).Order(StringComparer.Ordinal)];
    }

    /// <summary>True when this call put a new trigger on the schedule, false when it joined a waiting one.</summary>
    public static async Task<bool> RequestAsync(IScheduler scheduler, string source, string scope, TimeSpan debounce, TimeProvider time, CancellationToken cancellationToken)
    {
        var key = TriggerFor(source, scope);
        for (var attempt = 0; ; attempt++)
        {
            var existing = await scheduler.GetTrigger(key, cancellationToken);
            if (existing?.NextFireTimeUtc is not null)
            {
                return false;
            }

            var trigger = TriggerBuilder.Create()
                .WithIdentity(key)
                .ForJob(SyncScopeJob.KeyFor(source, scope))
                .UsingJobData(SyncScopeJob.FullKey, false)
                .StartAt(time.GetUtcNow() + debounce)
                .WithSimpleSchedule(s => s.WithMisfireInstruction(SimpleTriggerMisfireInstruction.FireNow))
                .Build();
            try
            {
                // A trigger that fired and is done (or whose sync runs now) is replaced; Quartz keeps a trigger
                // rescheduled during its job's run instead of deleting it when the run ends.
                await scheduler.ScheduleJob(trigger, existing is null ? new ScheduleJobOptions() : ScheduleJobOptions.Replacing, cancellationToken);
                return true;
            }
            catch (ObjectAlreadyExistsException) when (attempt < 3)
            {
                // Another delivery (or node) put it there a moment ago: look again, and join it.
            }
        }
    }
}
