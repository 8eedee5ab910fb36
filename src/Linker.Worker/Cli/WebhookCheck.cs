using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using OkrLinker.Core.Configuration;
using OkrLinker.Core.Sources;
using OkrLinker.Core.Store;
using OkrLinker.Worker.Scheduling;
using OkrLinker.Worker.Webhooks;

namespace OkrLinker.Worker.Cli;

/// <summary>
/// The <c>check</c> row per tracker source about its webhooks, read from the store (check is its own process; the
/// worker's nodes record every delivery they take there). Off: fine, polling alone. On: fine when a delivery came within
/// <c>Worker.WebhookReplayWindow</c> (3 days; older ones are not kept); none in that time, or a secret that cannot be
/// read, is a NO, since a registered webhook on a tracker in use sends something within days.
/// </summary>
internal static class WebhookCheck
{
    private const string Subject = "webhooks";

    public static async Task<IReadOnlyList<CheckLine>> LinesAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var sources = services.GetRequiredService<IOptions<LinkerOptions>>().Value.Sources
            .Select((source, index) => (source, index))
            .Where(s => s.source.Kind is "github" or "jira" or "azure-devops")
            .ToList();
        if (sources.Count == 0)
        {
            return [];
        }

        IReadOnlyDictionary<string, LastWebhook> last = new Dictionary<string, LastWebhook>();
        string? storeProblem = null;
        if (sources.Any(s => s.source.Webhook.IsOn))
        {
            try
            {
                await services.GetRequiredService<StoreInitializer>().MigrateAsync(cancellationToken);
                await using var db = await services.GetRequiredService<IDbContextFactory<LinkerDbContext>>().CreateDbContextAsync(cancellationToken);
                last = await WebhookDeliveryStore.LastAsync(db, cancellationToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                storeProblem = $"the store could not be read: {ex.GetType().Name}";
            }
        }

        var window = services.GetService<IConfiguration>()?.GetSection(WorkerOptions.Section).Get<WorkerOptions>()?.WebhookReplayWindow
            ?? new WorkerOptions().WebhookReplayWindow;
        var now = services.GetRequiredService<TimeProvider>().GetUtcNow();
        var secrets = services.GetRequiredService<SecretReader>();
        var lines = new List<CheckLine>();
        foreach (var (source, index) in sources)
        {
            lines.Add(Line(source, index, secrets, storeProblem, last.GetValueOrDefault(source.Name), window, now));
        }

        return lines;
    }

    private static CheckLine Line(SourceOptions source, int index, SecretReader secrets, string? storeProblem, LastWebhook? last, TimeSpan window, DateTimeOffset now)
    {
        if (!source.Webhook.IsOn)
        {
            return new CheckLine(source.Name, Subject, true, $"off (no Webhook.SecretEnv or SecretFile): polling only, on {source.Schedule}");
        }

        try
        {
            secrets.Require($"Sources:{index}:Webhook:SecretEnv", source.Webhook.SecretEnv, "no secret", $"Sources:{index}:Webhook:SecretFile", source.Webhook.SecretFile);
        }
        catch (SecretException ex)
        {
            return new CheckLine(source.Name, Subject, false, $"receiver on, but its secret cannot be read: {ex.Message}");
        }

        if (storeProblem is not null)
        {
            return new CheckLine(source.Name, Subject, false, storeProblem);
        }

        return last is { } seen && now - seen.At <= window
            ? new CheckLine(source.Name, Subject, true, $"last delivery {Ago(now - seen.At)} ago ({seen.Event}, {seen.At.UtcDateTime:yyyy-MM-dd HH:mm} UTC)")
            : new CheckLine(source.Name, Subject, false, $"none arrived in the last {Ago(window)}: is /hooks/{source.Kind}/{source.Name} registered on the tracker? Polling still syncs on {source.Schedule}");
    }

    private static string Ago(TimeSpan span) =>
        span.TotalDays >= 1 ? $"{(int)span.TotalDays} d {span.Hours} h"
        : span.TotalHours >= 1 ? $"{(int)span.TotalHours} h {span.Minutes} min"
        : span.TotalMinutes >= 1 ? $"{(int)span.TotalMinutes} min"
        : $"{(int)span.TotalSeconds} s";
}
