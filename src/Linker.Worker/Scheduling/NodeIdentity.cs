using System.Globalization;

namespace OkrLinker.Worker.Scheduling;

/// <summary>Which node of the cluster this process is: the Quartz instance id, also put on its logs and <c>/metrics</c>.</summary>
internal sealed class NodeIdentity
{
    public NodeIdentity(WorkerOptions options, bool clustered, TimeProvider time)
    {
        Clustered = clustered;
        Id = !string.Equals(options.InstanceId, WorkerOptions.AutoInstanceId, StringComparison.OrdinalIgnoreCase)
            ? options.InstanceId
            : string.Create(CultureInfo.InvariantCulture, $"{Environment.MachineName}-{Environment.ProcessId}-{time.GetUtcNow().ToUnixTimeMilliseconds()}");
    }

    public string Id { get; }

    /// <summary>True when the schedule lives in PostgreSQL and is shared with the other nodes.</summary>
    public bool Clustered { get; }

    /// <summary>The logging scope a job runs in, so every line it writes names the node.</summary>
    public IReadOnlyDictionary<string, object> Scope => new Dictionary<string, object> { ["Node"] = Id };
}
