using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using Npgsql;
using OkrLinker.Testing;
using OkrLinker.Worker.Tests.Cluster;
using Xunit.Abstractions;

namespace OkrLinker.Worker.Tests.Webhooks;

/// <summary>
/// Three <c>okrlinker run</c> processes clustered on one PostgreSQL (DESIGN.md §10) with the fake Jira: deliveries to
/// different nodes join one debounced trigger in the shared job store, so one node syncs the scope once; a delivery id
/// one node took is a replay on the others. Which node ran what comes from Quartz's execution history.
/// </summary>
public sealed class WebhookClusterTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Deliveries_to_any_of_three_nodes_cause_exactly_one_sync_of_the_scope_on_one_node()
    {
        var connectionString = await (await PostgresCluster.GetAsync()).CreateDatabaseAsync("webhooks");
        // Long enough that the deliveries, each a cold first request on a busy node, all fall in one window.
        var debounce = TimeSpan.FromSeconds(20);
        await using var rig = JiraWebhookRig.Start(debounce, connectionString);
        var nodes = new List<(ClusterNode Node, HttpClient Http)>();
        try
        {
            for (var i = 0; i < 3; i++)
            {
                var port = FreePort();
                var environment = new Dictionary<string, string>(rig.Variables) { ["OKRLINKER_Web__Urls"] = $"http://127.0.0.1:{port}" };
                nodes.Add((ClusterNode.Start(rig.Config.ConfigPath, environment), new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}/") }));
            }

            string? key = null;
            var ready = await WebhookWorker.EventuallyAsync(async () =>
            {
                if (await ClusterHarness.CountAsync(connectionString, "SELECT count(*) FROM scopes WHERE \"LastSuccessAt\" IS NOT NULL") < 2
                    || await TryUnlinkedAsync(nodes[0].Http) is not { } unlinked)
                {
                    return false;
                }

                key = unlinked.Where(u => u.Source == "jira" && rig.InScope(u.Key)).Select(u => u.Key).Order(StringComparer.Ordinal).FirstOrDefault();
                return key is not null;
            }, TimeSpan.FromSeconds(300)); // three cold processes on a busy machine; passed alone in 1 m 45 s
            Assert.True(ready, "the cluster's first syncs and report did not come");
            var payRuns = await ClusterHarness.CountAsync(connectionString, "SELECT count(*) FROM qrtz_execution_history WHERE job_name = 'jira:PAY'");
            var groRuns = await ClusterHarness.CountAsync(connectionString, "SELECT count(*) FROM qrtz_execution_history WHERE job_name = 'jira:GRO'");
            var groSearches = rig.RequestsFor("GRO");

            rig.Label(key!, "kr:O1-KR1");
            var outcomes = new List<string>();
            var sent = DateTimeOffset.UtcNow;
            for (var i = 0; i < 3; i++)
            {
                outcomes.Add(await DeliverAsync(nodes[i].Http, rig.Delivery(key!, $"cluster-{i}", rig.Secret)));
                output.WriteLine($"delivery {i} to node {i} answered after {(DateTimeOffset.UtcNow - sent).TotalMilliseconds:F0} ms: {outcomes[^1]}");
            }

            outcomes.Add(await DeliverAsync(nodes[2].Http, rig.Delivery(key!, "cluster-0", rig.Secret)));
            var linked = await WebhookWorker.EventuallyAsync(
                async () => await TryUnlinkedAsync(nodes[1].Http) is { } unlinked && !unlinked.Contains(("jira", key!)), TimeSpan.FromSeconds(60));
            await Task.Delay(debounce); // room for a second sync, were one (wrongly) asked for
            var webhookRuns = await RunsAsync(connectionString, "webhook:jira:PAY");
            foreach (var run in webhookRuns)
            {
                output.WriteLine($"webhook sync of PAY ran on {run}");
            }

            Assert.Equal(["scheduled", "joined", "joined", "replayed"], outcomes);
            Assert.True(linked, $"{key} still unlinked on the cluster");
            Assert.Single(webhookRuns);
            Assert.Equal(payRuns + 1, await ClusterHarness.CountAsync(connectionString, "SELECT count(*) FROM qrtz_execution_history WHERE job_name = 'jira:PAY'"));
            Assert.Equal(groRuns, await ClusterHarness.CountAsync(connectionString, "SELECT count(*) FROM qrtz_execution_history WHERE job_name = 'jira:GRO'"));
            Assert.Equal(groSearches, rig.RequestsFor("GRO"));
            Assert.Equal(1, await ClusterHarness.CountAsync(connectionString, "SELECT count(*) FROM webhook_deliveries WHERE \"DeliveryId\" = 'cluster-0'"));
        }
        finally
        {
            await Task.WhenAll(nodes.Select(n => n.Node.StopAsync()));
            foreach (var (node, http) in nodes)
            {
                http.Dispose();
                node.Dispose();
            }
        }
    }

    private static async Task<string> DeliverAsync(HttpClient http, HttpRequestMessage request)
    {
        using (request)
        {
            using var response = await http.SendAsync(request);
            using var doc = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            return doc.RootElement.GetProperty("outcome").GetString()!;
        }
    }

    private static async Task<HashSet<(string Source, string Key)>?> TryUnlinkedAsync(HttpClient http)
    {
        try
        {
            return await WebhookWorker.UnlinkedAsync(http);
        }
        catch (HttpRequestException)
        {
            return null; // the node is still starting
        }
    }

    private static async Task<List<string>> RunsAsync(string connectionString, string trigger)
    {
        var runs = new List<string>();
        await using var db = new NpgsqlConnection(connectionString);
        await db.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT instance_name FROM qrtz_execution_history WHERE trigger_name = @trigger", db);
        command.Parameters.AddWithValue("trigger", trigger);
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            runs.Add(reader.GetString(0));
        }

        return runs;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
