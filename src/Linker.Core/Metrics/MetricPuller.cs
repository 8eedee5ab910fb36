using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OkrLinker.Core.Configuration;
using OkrLinker.Core.Figures;
using OkrLinker.Core.Okrs;
using OkrLinker.Core.Store;

namespace OkrLinker.Core.Metrics;

/// <summary>
/// Pulls KR metrics into the store (DESIGN.md §8): for each KR with a metric, the samples from a week before
/// the period start (the first pull backfills) or from just after the last stored sample, up to now; then the
/// baseline's period-start value, captured once. A KR whose provider fails is recorded with the reason
/// and the others go on.
/// </summary>
public sealed partial class MetricPuller(
    IDbContextFactory<LinkerDbContext> dbFactory,
    MetricProviderLookup providers,
    IOptions<LinkerOptions> options,
    TimeProvider time,
    ILogger<MetricPuller> logger)
{
    /// <summary>How far before the period start the first pull reads, to find the last value before the start.</summary>
    public static readonly TimeSpan BaselineLookBack = TimeSpan.FromDays(7);

    /// <param name="krId">Only this KR (matched case-insensitively); null pulls every KR with a metric.</param>
    /// <exception cref="LinkerConfigException"><paramref name="krId"/> names no KR of the set.</exception>
    public async Task<IReadOnlyList<KrPullResult>> PullAsync(OkrSet okrs, string? krId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(okrs);
        IEnumerable<KeyResult> krs = okrs.KeyResults.Where(kr => kr.Metric is not null);
        if (krId is not null)
        {
            var one = okrs.FindKeyResult(krId)
                ?? throw new LinkerConfigException("--kr", $"'{krId}' is no key result of {okrs.Period.Name}");
            krs = [one];
        }

        var zone = TimeZoneInfo.FindSystemTimeZoneById(options.Value.Report.TimeZone);
        var periodStart = LocalDay.Start(okrs.Period.Start, zone);
        var results = new List<KrPullResult>();
        foreach (var kr in krs)
        {
            results.Add(await PullOneAsync(kr, periodStart, cancellationToken));
        }

        return results;
    }

    /// <summary>
    /// What okrs.yaml asked the provider for, as stored with each sample and the baseline: the query, with the
    /// http-json path after it; for <c>tracker</c> the measure and its rules (<c>count where type=Bug, label p1</c>).
    /// </summary>
    public static string QueryText(MetricSpec metric)
    {
        ArgumentNullException.ThrowIfNull(metric);
        if (metric.IsTracker)
        {
            var measure = metric.Measure switch
            {
                TrackerMeasure.Count => "count",
                TrackerMeasure.Points => "points",
                TrackerMeasure.MedianCycleDays => "median-cycle-days",
                _ => "?",
            };
            return metric.Where.Count == 0 ? measure : $"{measure} where {string.Join(", ", metric.Where.Select(Rule))}";
        }

        return metric.Path is { } path ? $"{metric.Query} {path}" : metric.Query;
    }

    private static string Rule(RuleOptions rule)
    {
        var source = rule.Source is { } s ? $"{s}:" : "";
        return rule.Label is { } label ? $"{source}label {label}"
            : rule.StartsWith is { } prefix ? $"{source}{rule.Field}^={prefix}"
            : $"{source}{rule.Field}={rule.EqualsValue}";
    }

    private async Task<KrPullResult> PullOneAsync(KeyResult kr, DateTimeOffset periodStart, CancellationToken cancellationToken)
    {
        if (kr.Metric is not { } metric)
        {
            return new KrPullResult(kr.Id, null, 0, null, kr.Baseline, null, kr.Target, null);
        }

        var now = time.GetUtcNow();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var stored = await db.MetricSamples.Where(s => s.KrId == kr.Id).ToListAsync(cancellationToken);
        var storedTimes = stored.Select(s => s.At.UtcTicks).ToHashSet();

        var newSamples = 0;
        string? error = null;
        try
        {
            newSamples = await ReadNewAsync(db, kr, metric, stored, storedTimes, periodStart, now, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // The contract says MetricProviderException; anything else a provider lets escape is a
            // failure of that KR too, never of the whole pull.
            error = ex is MetricProviderException ? ex.Message : $"{metric.Provider}: {ex.Message}";
            LogPullFailed(kr.Id, metric.Provider, error);
        }

        await RecordPullAsync(db, kr.Id, now, error, cancellationToken);
        var baseline = await CaptureBaselineAsync(db, kr, stored, periodStart, now, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);

        var current = stored.Where(s => s.At <= now).MaxBy(s => s.At)?.Value;
        return new KrPullResult(kr.Id, metric.Provider, newSamples, error, kr.Baseline ?? baseline?.Value, current, kr.Target, metric.Unit);
    }

    private async Task<int> ReadNewAsync(
        LinkerDbContext db,
        KeyResult kr,
        MetricSpec metric,
        List<MetricSampleRow> stored,
        HashSet<long> storedTimes,
        DateTimeOffset periodStart,
        DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        var provider = providers(metric.Provider)
            ?? throw new MetricProviderException(metric.Provider, kr.Id, $"no metric provider named '{metric.Provider}' (Metrics:Providers, or tracker)");

        // The first pull backfills from a week before the period start, so the baseline can be the last value
        // at or before the start even when the series has none exactly at it; later pulls go on after the last.
        var backfillFrom = periodStart - BaselineLookBack;
        var last = stored.Count > 0 ? stored.Max(s => s.At) : (DateTimeOffset?)null;
        var from = last is { } l && l >= backfillFrom ? l.AddTicks(1) : backfillFrom;
        if (now < periodStart || from > now)
        {
            return 0;
        }

        var samples = await provider.ReadAsync(new MetricRequest(kr.Id, metric, from, now), cancellationToken);
        if (samples.FirstOrDefault(s => !double.IsFinite(s.Value)) is { } bad)
        {
            throw new MetricProviderException(metric.Provider, kr.Id, $"{metric.Provider}: the value at {bad.At:u} is not a number ({bad.Value})");
        }

        var query = QueryText(metric);
        var added = 0;
        foreach (var sample in samples.Where(s => s.At <= now))
        {
            // Idempotent on (KR, time): a value already stored for that instant is kept as first read,
            // so a re-pull or backfill never duplicates it nor rewrites a past week's figures.
            if (!storedTimes.Add(sample.At.UtcTicks))
            {
                continue;
            }

            var row = new MetricSampleRow
            {
                KrId = kr.Id,
                At = sample.At.ToUniversalTime(),
                Value = sample.Value,
                Provider = metric.Provider,
                Query = query,
                PulledAt = now,
            };
            db.MetricSamples.Add(row);
            stored.Add(row);
            added++;
        }

        return added;
    }

    private static async Task RecordPullAsync(LinkerDbContext db, string krId, DateTimeOffset now, string? error, CancellationToken cancellationToken)
    {
        var pull = await db.MetricPulls.SingleOrDefaultAsync(p => p.KrId == krId, cancellationToken);
        if (pull is null)
        {
            pull = new MetricPullRow { KrId = krId };
            db.MetricPulls.Add(pull);
        }

        pull.LastPullAt = now;
        pull.LastError = error;
        if (error is null)
        {
            pull.LastSuccessAt = now;
        }
    }

    // Captured once the period has begun (an earlier pull could not yet know the last value before it),
    // and never replaced: a changed query keeps the old baseline and says so in the log.
    private async Task<MetricBaselineRow?> CaptureBaselineAsync(
        LinkerDbContext db, KeyResult kr, List<MetricSampleRow> stored, DateTimeOffset periodStart, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var existing = await db.MetricBaselines.SingleOrDefaultAsync(b => b.KrId == kr.Id, cancellationToken);
        if (existing is not null)
        {
            if (kr.Metric is { } metric && (existing.Provider != metric.Provider || existing.Query != QueryText(metric)))
            {
                LogBaselineKept(kr.Id, existing.Provider, existing.At);
            }

            return existing;
        }

        if (now < periodStart || PeriodStartValue.Pick(stored, s => s.At, periodStart) is not { } sample)
        {
            return null;
        }

        var row = new MetricBaselineRow
        {
            KrId = kr.Id,
            Provider = sample.Provider,
            Query = sample.Query,
            At = sample.At,
            Value = sample.Value,
            CapturedAt = now,
        };
        db.MetricBaselines.Add(row);
        LogBaselineCaptured(kr.Id, row.Value, row.Provider, row.At);
        return row;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Metric of {Kr} not pulled ({Provider}): {Reason}")]
    private partial void LogPullFailed(string kr, string provider, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Baseline of {Kr} captured: {Value} from {Provider} at {At:u}")]
    private partial void LogBaselineCaptured(string kr, double value, string provider, DateTimeOffset at);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The metric of {Kr} changed since its baseline was captured from {Provider} at {At:u}; the baseline is kept (delete it from metric_baselines to capture it again)")]
    private partial void LogBaselineKept(string kr, string provider, DateTimeOffset at);
}
