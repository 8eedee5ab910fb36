using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OkrLinker.Core.Configuration;
using OkrLinker.Core.Reports;
using OkrLinker.Worker.Telemetry;

namespace OkrLinker.Worker.Delivery;

/// <summary>
/// Delivers the report to every <c>Report.Deliver</c> entry, one after the other, each on its own: an
/// entry that fails (after its <see cref="DeliveryOptions.Attempts"/> tries, waiting
/// <see cref="DeliveryRetryOptions.BaseDelay"/>, twice that, … between them) never stops the next.
/// </summary>
public sealed class ReportDeliveryRunner(
    IEnumerable<IReportDelivery> deliveries,
    IOptions<LinkerOptions> options,
    IOptions<DeliveryRetryOptions> retry,
    TimeProvider time,
    ILogger<ReportDeliveryRunner> logger,
    DeliveryTelemetry? telemetry = null)
{
    /// <summary>
    /// The structural problems of <paramref name="entries"/>, each naming its key
    /// (<c>Report:Deliver:2:Host (email): missing; …</c>); empty when every entry can be tried. Meant for the
    /// host's start, which exits 2 on any.
    /// </summary>
    public static IEnumerable<string> Validate(IReadOnlyList<DeliveryOptions> entries) => DeliveryEntryValidator.Validate(entries);

    /// <summary>One result per entry, in their order. Throws only when <paramref name="cancellationToken"/> is cancelled.</summary>
    public Task<IReadOnlyList<DeliveryResult>> DeliverAsync(WeeklyReport report, CancellationToken cancellationToken) =>
        DeliverAsync(report, new HashSet<int>(), (_, _) => Task.CompletedTask, cancellationToken);

    /// <summary>
    /// As <see cref="DeliverAsync(WeeklyReport, CancellationToken)"/>, but the entries in <paramref name="alreadyDelivered"/>
    /// are not sent again (their result: succeeded after 0 attempts), and <paramref name="recordDelivered"/> runs right
    /// after each entry that succeeded, before the next is tried, so a crash between two entries loses no record.
    /// </summary>
    public async Task<IReadOnlyList<DeliveryResult>> DeliverAsync(
        WeeklyReport report,
        IReadOnlySet<int> alreadyDelivered,
        Func<DeliveryResult, CancellationToken, Task> recordDelivered,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(alreadyDelivered);
        ArgumentNullException.ThrowIfNull(recordDelivered);
        var entries = options.Value.Report.Deliver;
        var results = new List<DeliveryResult>(entries.Count);
        for (var index = 0; index < entries.Count; index++)
        {
            var kind = DeliveryKinds.Normalize(entries[index].Kind) ?? entries[index].Kind;
            if (alreadyDelivered.Contains(index))
            {
                var entryKey = DeliveryKeys.Entry(index);
                logger.AlreadyDelivered(report.Week, entryKey, kind);
                results.Add(new DeliveryResult(index, kind, Succeeded: true, Attempts: 0, Error: null));
                continue;
            }

            using var activity = DeliveryTelemetry.Start(report.Week, index, kind);
            var result = await DeliverEntryAsync(report, index, entries[index], cancellationToken);
            telemetry?.Record(activity, result);
            if (result.Succeeded)
            {
                await recordDelivered(result, CancellationToken.None);
            }

            results.Add(result);
        }

        return results;
    }

    private async Task<DeliveryResult> DeliverEntryAsync(WeeklyReport report, int index, DeliveryOptions entry, CancellationToken cancellationToken)
    {
        var kind = DeliveryKinds.Normalize(entry.Kind) ?? entry.Kind;
        var problems = DeliveryEntryValidator.Check(index, entry).ToList();
        var delivery = deliveries.FirstOrDefault(d => string.Equals(d.Kind, kind, StringComparison.OrdinalIgnoreCase));
        if (problems.Count == 0 && delivery is null)
        {
            problems.Add($"{DeliveryKeys.Entry(index, "Kind")} ({kind}): no delivery of this kind is registered");
        }

        if (problems.Count > 0)
        {
            var refusal = string.Join("; ", problems);
            logger.Misconfigured(report.Week, refusal);
            return new DeliveryResult(index, kind, Succeeded: false, Attempts: 0, refusal);
        }

        var key = DeliveryKeys.Entry(index);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await delivery!.DeliverAsync(report, entry, cancellationToken);
                logger.Delivered(report.Week, key, kind, attempt);
                return new DeliveryResult(index, kind, Succeeded: true, attempt, Error: null);
            }
            catch (Exception ex)
            {
                // Once the run is cancelled, whatever the attempt ended with is cancellation, not a failure.
                cancellationToken.ThrowIfCancellationRequested();

                // A DeliveryException is worded for logs already; anything else is a bug or an
                // unexpected library failure, worth its stack trace.
                var known = ex as DeliveryException;
                var error = known?.Describe(index, kind) ?? $"{key} ({kind}): {ex.GetType().Name}: {ex.Message}";
                var unexpected = known is null ? ex : null;
                if (known is { IsPermanent: true } || attempt >= entry.Attempts)
                {
                    logger.GaveUp(report.Week, attempt, error, unexpected);
                    return new DeliveryResult(index, kind, Succeeded: false, attempt, error);
                }

                var delay = Backoff(attempt);
                logger.AttemptFailed(report.Week, attempt, entry.Attempts, error, delay, unexpected);
                await Task.Delay(delay, time, cancellationToken);
            }
        }
    }

    /// <summary>The wait after failed try <paramref name="attempt"/>: base × 2^(attempt − 1), capped.</summary>
    private TimeSpan Backoff(int attempt)
    {
        var settings = retry.Value;
        var factor = Math.Pow(2, Math.Min(attempt - 1, 30));
        var ticks = Math.Min(settings.BaseDelay.Ticks * factor, settings.MaxDelay.Ticks);
        return TimeSpan.FromTicks((long)ticks);
    }
}
