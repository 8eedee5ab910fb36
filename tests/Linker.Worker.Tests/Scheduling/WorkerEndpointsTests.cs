using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using OkrLinker.Core.Store;
using OkrLinker.Fakes;
using OkrLinker.Worker.Scheduling;
using OkrLinker.Worker.Tests.GitHub;

namespace OkrLinker.Worker.Tests.Scheduling;

/// <summary>The whole worker against the fake GitHub: what its endpoints say after one cycle.</summary>
public sealed class WorkerEndpointsTests
{
    [Fact]
    public async Task After_a_cycle_metrics_count_exactly_the_requests_the_fake_served_and_readyz_is_ready()
    {
        var data = FakeGitHubData.Generate(60, "acme", ["web", "api"], 400);
        await using var gh = await GitHubHarness.StartAsync(data, ["web", "api"]);
        var app = WorkerHost.Build(gh.Config.ConfigPath);
        await app.Services.GetRequiredService<StoreInitializer>().MigrateAsync(CancellationToken.None);
        await app.StartAsync();
        try
        {
            using var http = new HttpClient { BaseAddress = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First()) };
            // Two repos and the project: three scope runs make the cycle.
            var deadline = DateTime.UtcNow.AddSeconds(60);
            var metrics = "";
            while (DateTime.UtcNow < deadline)
            {
                metrics = await http.GetStringAsync(new Uri("metrics", UriKind.Relative));
                if (Sample(metrics, "okrlinker_source_sync_runs_total", "source=\"gh\"") >= 3)
                {
                    break;
                }

                await Task.Delay(200);
            }

            var ready = await http.GetAsync(new Uri("readyz", UriKind.Relative));

            Assert.Equal(3, Sample(metrics, "okrlinker_source_sync_runs_total", "source=\"gh\""));
            Assert.Equal(gh.Fake.Requests.Count, Sample(metrics, "okrlinker_source_requests_total", "source=\"gh\""));
            Assert.Equal(800 + data.Snapshot().Count(i => i.InProject), Sample(metrics, "okrlinker_source_items_synced_total", "source=\"gh\""));
            Assert.Equal(0, Sample(metrics, "okrlinker_source_sync_failures_total", "source=\"gh\""));
            var node = app.Services.GetRequiredService<NodeIdentity>();
            Assert.Equal(1, Sample(metrics, "okrlinker_node_info", $"clustered=\"false\",instance_id=\"{node.Id}\""));
            Assert.Equal(System.Net.HttpStatusCode.OK, ready.StatusCode);
            Assert.Contains("\"status\":\"ready\"", await ready.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
        finally
        {
            await app.StopAsync();
            await app.DisposeAsync();
        }
    }

    private static double Sample(string metrics, string name, string labels)
    {
        var line = metrics.Split('\n').Single(l => l.StartsWith($"{name}{{{labels}}} ", StringComparison.Ordinal));
        return double.Parse(line[(line.LastIndexOf(' ') + 1)..], CultureInfo.InvariantCulture);
    }
}
