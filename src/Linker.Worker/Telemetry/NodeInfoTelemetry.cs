using System.Diagnostics.Metrics;
using Microsoft.Extensions.Hosting;
using OkrLinker.Worker.Scheduling;

namespace OkrLinker.Worker.Telemetry;

/// <summary>
/// <c>okrlinker_node_info{instance_id}</c> = 1 on the scheduler's meter, so a scrape of any node says which node it
/// is and joins with <c>qrtz_execution_history</c> and the logs' <c>Node</c> scope. A hosted service only so the
/// gauge exists from the start, before the first job runs.
/// </summary>
internal sealed class NodeInfoTelemetry : IHostedService
{
    public NodeInfoTelemetry(IMeterFactory meters, NodeIdentity node)
    {
        ArgumentNullException.ThrowIfNull(meters);
        ArgumentNullException.ThrowIfNull(node);
        var tags = new KeyValuePair<string, object?>[] { new("instance_id", node.Id), new("clustered", node.Clustered ? "true" : "false") };
        meters.Create(JobRunTelemetry.Name).CreateObservableGauge(
            Web.MetricNames.NodeInfo, () => new Measurement<int>(1, tags), description: "The scheduler node this process is (Worker:InstanceId, AUTO by default).");
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
