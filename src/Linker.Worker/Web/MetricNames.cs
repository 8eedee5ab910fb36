namespace OkrLinker.Worker.Web;

/// <summary>Every metric /metrics exposes; dashboards and alerts depend on these names, so they change only deliberately.</summary>
public static class MetricNames
{
    public const string SourceRequests = "okrlinker_source_requests_total";
    public const string SourceResponses = "okrlinker_source_responses_total";
    public const string SourceRetries = "okrlinker_source_retries_total";
    public const string SourceRateLimitWaits = "okrlinker_source_rate_limit_waits_total";
    public const string SourceRateLimitWaitSeconds = "okrlinker_source_rate_limit_wait_seconds_total";
    public const string SourceAuthFailures = "okrlinker_source_auth_failures_total";
    public const string SourceItemsSynced = "okrlinker_source_items_synced_total";
    public const string SourceSyncRuns = "okrlinker_source_sync_runs_total";
    public const string SourceSyncFailures = "okrlinker_source_sync_failures_total";
    public const string SourceSyncDurationSeconds = "okrlinker_source_sync_duration_seconds";
    public const string SourceLastSuccessTimestampSeconds = "okrlinker_source_last_success_timestamp_seconds";
    public const string UnlinkedShare = "okrlinker_unlinked_share";
    public const string UnlinkedShareTotal = "okrlinker_unlinked_share_total";
    public const string UnlinkedItems = "okrlinker_unlinked_items";
    public const string KrProgress = "okrlinker_kr_progress";
    public const string KrValue = "okrlinker_kr_value";
    public const string ReportWeekInfo = "okrlinker_report_week_info";
}
