using System.Globalization;
using System.Net;
using System.Text.Json;
using OkrLinker.Fakes.Logging;

namespace OkrLinker.Worker.Tests.Webhooks;

/// <summary>
/// Real HTTP deliveries, in the tracker's payload shape, to a running worker whose one source reads the tracker's fake.
/// No cron fires during a test, so every sync after the first of each scope is one a webhook asked for. Each tracker
/// runs these through its <see cref="IWebhookRig"/>.
/// </summary>
public abstract class WebhookReceiverTests
{
    /// <summary>What the issue allows from delivery to the change showing in the report.</summary>
    private static readonly TimeSpan Fresh = TimeSpan.FromSeconds(10);

    private static readonly TimeSpan Generous = TimeSpan.FromSeconds(90);

    private const string KrLabel = "kr:O1-KR1";

    protected abstract Task<IWebhookRig> StartRigAsync(TimeSpan debounce);

    [Fact]
    public async Task A_label_added_and_its_webhook_delivered_links_the_item_within_10_s_with_one_sync_of_that_scope_only()
    {
        await using var rig = await StartRigAsync(TimeSpan.FromSeconds(1));
        await using var worker = await WebhookWorker.StartAsync(rig.Config.ConfigPath);
        var key = await FirstSyncedAsync(rig, worker);
        var before = Counts(rig, worker);

        rig.Label(key, KrLabel);
        using var response = await worker.Http.SendAsync(rig.Delivery(key, "delivery-1", rig.Secret));
        var linked = await WebhookWorker.EventuallyAsync(async () => !(await worker.UnlinkedAsync())!.Contains((rig.Source, key)), Fresh);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Equal("scheduled", await OutcomeAsync(response));
        Assert.True(linked, $"{key} still unlinked {Fresh.TotalSeconds} s after its delivery");
        Assert.Equal(before.ScopeSyncs + 1, worker.SyncsOf(rig.Source, rig.Scope));
        Assert.True(rig.RequestsFor(rig.Scope) > before.ScopeRequests);
        foreach (var other in rig.OtherScopes)
        {
            Assert.Equal(before.OtherSyncs[other], worker.SyncsOf(rig.Source, other));
            Assert.Equal(before.OtherRequests[other], rig.RequestsFor(other));
        }

        using var ready = JsonDocument.Parse(await worker.Http.GetStringAsync(new Uri("readyz", UriKind.Relative)));
        var webhook = ready.RootElement.GetProperty("sources")[0].GetProperty("webhook");
        Assert.NotEqual(JsonValueKind.Null, webhook.GetProperty("lastDeliveryAt").ValueKind);
        var check = await rig.Config.RunAsync("check");
        Assert.Contains(WebhookLine(check.Out, rig.Source), l => l.Contains(" yes ", StringComparison.Ordinal) && l.Contains("last delivery", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_burst_of_50_deliveries_in_the_debounce_window_causes_one_sync()
    {
        var debounce = TimeSpan.FromSeconds(5);
        await using var rig = await StartRigAsync(debounce);
        await using var worker = await WebhookWorker.StartAsync(rig.Config.ConfigPath);
        var key = await FirstSyncedAsync(rig, worker);
        var before = Counts(rig, worker);

        rig.Label(key, KrLabel);
        var outcomes = new List<string>();
        for (var i = 0; i < 50; i++)
        {
            using var response = await worker.Http.SendAsync(rig.Delivery(key, $"burst-{i}", rig.Secret));
            outcomes.Add(await OutcomeAsync(response));
        }

        var linked = await WebhookWorker.EventuallyAsync(async () => !(await worker.UnlinkedAsync())!.Contains((rig.Source, key)), Generous);
        await Task.Delay(debounce * 2); // room for a second sync, were one (wrongly) asked for

        Assert.True(linked);
        Assert.Equal(["scheduled", .. Enumerable.Repeat("joined", 49)], outcomes);
        Assert.Equal(before.ScopeSyncs + 1, worker.SyncsOf(rig.Source, rig.Scope));
        var metrics = await worker.Http.GetStringAsync(new Uri("metrics", UriKind.Relative));
        Assert.Equal(49, Sample(metrics, "okrlinker_webhook_deliveries_total", $"source=\"{rig.Source}\"", "outcome=\"joined\""));
        Assert.Equal(1, Sample(metrics, "okrlinker_webhook_deliveries_total", $"source=\"{rig.Source}\"", "outcome=\"scheduled\""));
        Assert.Equal((0, ""), await Telemetry.Promtool.CheckMetricsAsync(metrics));
    }

    [Fact]
    public async Task A_bad_or_missing_signature_is_refused_with_401_triggers_nothing_and_no_secret_reaches_a_log()
    {
        var debounce = TimeSpan.FromSeconds(1);
        await using var rig = await StartRigAsync(debounce);
        await using var worker = await WebhookWorker.StartAsync(rig.Config.ConfigPath);
        var key = await FirstSyncedAsync(rig, worker);
        var syncs = worker.Syncs();
        var wrong = "wrong-" + rig.Secret;

        rig.Label(key, KrLabel);
        using var bad = await worker.Http.SendAsync(rig.Delivery(key, "forged-1", wrong));
        var unsigned = rig.Delivery(key, "forged-2", rig.Secret);
        unsigned.Headers.Remove("X-Hub-Signature-256");
        unsigned.Headers.Remove("X-Hub-Signature");
        unsigned.Headers.Remove("X-OkrLinker-Secret");
        unsigned.Headers.Authorization = null;
        using var missing = await worker.Http.SendAsync(unsigned);
        await Task.Delay(debounce * 3);

        Assert.Equal(HttpStatusCode.Unauthorized, bad.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, missing.StatusCode);
        Assert.Equal(syncs, worker.Syncs());
        Assert.Contains((rig.Source, key), (await worker.UnlinkedAsync())!);
        var logs = worker.Logs.All();
        Assert.Contains("does not prove the secret", logs, StringComparison.Ordinal);
        Assert.DoesNotContain(rig.Secret, logs, StringComparison.Ordinal);
        var metrics = await worker.Http.GetStringAsync(new Uri("metrics", UriKind.Relative));
        Assert.Equal(2, Sample(metrics, "okrlinker_webhook_deliveries_total", $"source=\"{rig.Source}\"", "outcome=\"unauthorized\""));
        var check = await rig.Config.RunAsync("check");
        Assert.Equal(1, check.ExitCode);
        Assert.Contains(WebhookLine(check.Out, rig.Source), l => l.Contains(" NO ", StringComparison.Ordinal) && l.Contains("none arrived in the last 3 d", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_replayed_delivery_is_ignored()
    {
        var debounce = TimeSpan.FromSeconds(1);
        await using var rig = await StartRigAsync(debounce);
        await using var worker = await WebhookWorker.StartAsync(rig.Config.ConfigPath);
        var key = await FirstSyncedAsync(rig, worker);
        var before = worker.SyncsOf(rig.Source, rig.Scope);

        rig.Label(key, KrLabel);
        using var first = await worker.Http.SendAsync(rig.Delivery(key, "once", rig.Secret));
        var synced = await WebhookWorker.EventuallyAsync(() => Task.FromResult(worker.SyncsOf(rig.Source, rig.Scope) == before + 1), Generous);
        using var replay = await worker.Http.SendAsync(rig.Delivery(key, "once", rig.Secret));
        await Task.Delay(debounce * 3);

        Assert.True(synced);
        Assert.Equal("scheduled", await OutcomeAsync(first));
        Assert.Equal(HttpStatusCode.OK, replay.StatusCode);
        Assert.Equal("replayed", await OutcomeAsync(replay));
        Assert.Equal(before + 1, worker.SyncsOf(rig.Source, rig.Scope));
    }

    [Fact]
    public async Task A_deletion_named_by_a_webhook_marks_the_item_removed_at_once()
    {
        await using var rig = await StartRigAsync(TimeSpan.FromSeconds(1));
        await using var worker = await WebhookWorker.StartAsync(rig.Config.ConfigPath);
        var key = await FirstSyncedAsync(rig, worker);

        var delivery = rig.Delivery(key, "deleted-1", rig.Secret, deleted: true);
        rig.Delete(key);
        using var response = await worker.Http.SendAsync(delivery);
        var gone = await WebhookWorker.EventuallyAsync(async () => !(await worker.UnlinkedAsync())!.Contains((rig.Source, key)), Fresh);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.True(gone, $"{key} still in the report {Fresh.TotalSeconds} s after its deletion was delivered");
        Assert.Contains(worker.Logs.Lines(), l => l.Contains("1 of the deleted items", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_unknown_source_answers_404_and_a_body_over_1_MiB_answers_413_unread()
    {
        await using var rig = await StartRigAsync(TimeSpan.FromSeconds(1));
        await using var worker = await WebhookWorker.StartAsync(rig.Config.ConfigPath);

        using var unknown = await worker.Http.PostAsync(new Uri($"hooks/{rig.Kind}/nobody", UriKind.Relative), new StringContent("{}"));
        using var large = await worker.Http.PostAsync(
            new Uri($"hooks/{rig.Kind}/{rig.Source}", UriKind.Relative), new ByteArrayContent(new byte[(1024 * 1024) + 1]));

        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, large.StatusCode);
    }

    /// <summary>Waits for every scope's first sync and the report it refreshes; the first unlinked item of the rig's scope.</summary>
    private static async Task<string> FirstSyncedAsync(IWebhookRig rig, WebhookWorker worker)
    {
        string? key = null;
        var ready = await WebhookWorker.EventuallyAsync(async () =>
        {
            if (rig.OtherScopes.Append(rig.Scope).Any(s => worker.SyncsOf(rig.Source, s) == 0) || await worker.UnlinkedAsync() is not { } unlinked)
            {
                return false;
            }

            key = unlinked.Where(u => u.Source == rig.Source && rig.InScope(u.Key)).Select(u => u.Key).Order(StringComparer.Ordinal).FirstOrDefault();
            return key is not null;
        }, Generous);
        Assert.True(ready, "the first syncs and their report did not come");
        return key!;
    }

    private static (int ScopeSyncs, int ScopeRequests, Dictionary<string, int> OtherSyncs, Dictionary<string, int> OtherRequests) Counts(IWebhookRig rig, WebhookWorker worker) =>
        (worker.SyncsOf(rig.Source, rig.Scope), rig.RequestsFor(rig.Scope),
         rig.OtherScopes.ToDictionary(s => s, s => worker.SyncsOf(rig.Source, s)),
         rig.OtherScopes.ToDictionary(s => s, rig.RequestsFor));

    /// <summary>The <c>check</c> table's webhooks row of the source.</summary>
    private static IEnumerable<string> WebhookLine(string table, string source) =>
        table.Split('\n').Where(l => l.StartsWith(source + " ", StringComparison.Ordinal) && l.Contains(" webhooks ", StringComparison.Ordinal));

    private static async Task<string> OutcomeAsync(HttpResponseMessage response)
    {
        using var doc = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return doc.RootElement.GetProperty("outcome").GetString()!;
    }

    /// <summary>The sum of the samples of <paramref name="name"/> whose labels hold every one of <paramref name="labels"/>.</summary>
    internal static double Sample(string metrics, string name, params string[] labels) =>
        metrics.Split('\n')
            .Where(l => l.StartsWith(name + "{", StringComparison.Ordinal) && labels.All(x => l.Contains(x, StringComparison.Ordinal)))
            .Sum(l => double.Parse(l[(l.LastIndexOf(' ') + 1)..], CultureInfo.InvariantCulture));
}
