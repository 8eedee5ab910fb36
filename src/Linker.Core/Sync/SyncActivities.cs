using System.Diagnostics;
using OkrLinker.Core.Sources;

namespace OkrLinker.Core.Sync;

/// <summary>
/// The sync engine's spans and their tags: "sync scope" around a scope's run (its counts set at the end) and
/// "sync page" around each page read and committed. Null when nobody listens.
/// </summary>
internal static class SyncActivities
{
    public const string Source = "okrlinker.source";
    public const string Scope = "okrlinker.scope";
    public const string Full = "okrlinker.full";
    public const string Page = "okrlinker.page";
    public const string Pages = "okrlinker.pages";
    public const string Items = "okrlinker.items";
    public const string Read = "okrlinker.items.read";
    public const string Inserted = "okrlinker.items.inserted";
    public const string Updated = "okrlinker.items.updated";
    public const string Removed = "okrlinker.items.removed";

    public static Activity? StartScope(string source, SourceScope scope, bool full) =>
        SyncMetrics.ActivitySource.StartActivity("sync scope")
            ?.SetTag(Source, source)
            .SetTag(Scope, scope.Id)
            .SetTag(Full, full);

    public static Activity? StartPage(string source, SourceScope scope, int page) =>
        SyncMetrics.ActivitySource.StartActivity("sync page")
            ?.SetTag(Source, source)
            .SetTag(Scope, scope.Id)
            .SetTag(Page, page);

    public static void Finish(Activity? activity, ScopeSyncResult result)
    {
        if (activity is null)
        {
            return;
        }

        activity.SetTag(Pages, result.Pages)
            .SetTag(Read, result.Read)
            .SetTag(Inserted, result.Inserted)
            .SetTag(Updated, result.Updated)
            .SetTag(Removed, result.Removed);
        if (result.Error is not null)
        {
            activity.SetStatus(ActivityStatusCode.Error, result.Error);
        }
    }
}
