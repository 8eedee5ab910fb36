namespace OkrLinker.Worker.Web;

/// <summary>
/// The names /metrics exposes for OkrLinker's own instruments (counters as Prometheus writes them, with
/// <c>_total</c>); dashboards and alerts depend on them, so they change only deliberately and the README lists renames.
/// </summary>
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
    /// <summary>Was <c>okrlinker_unlinked_share_total</c>, which promtool refuses for a gauge.</summary>
    public const string UnlinkedShareOverall = "okrlinker_unlinked_share_overall";
    public const string UnlinkedItems = "okrlinker_unlinked_items";
    public const string KrProgress = "okrlinker_kr_progress";
    public const string KrValue = "okrlinker_kr_value";
    public const string ReportWeekInfo = "okrlinker_report_week_info";
    public const string SourcePagesSynced = "okrlinker_source_pages_synced_total";
    public const string ScopeSyncDurationSeconds = "okrlinker_scope_sync_duration_seconds";
    public const string ReportDeliveries = "okrlinker_report_deliveries_total";
    public const string ReportDeliveryAttempts = "okrlinker_report_delivery_attempts_total";
    public const string JobRuns = "okrlinker_job_runs_total";
    public const string WebhookDeliveries = "okrlinker_webhook_deliveries_total";

    public const string NodeInfo = "okrlinker_node_info";
    public const string JobDurationSeconds = "okrlinker_job_duration_seconds";
}
