namespace OkrLinker.Worker.Web;

/// <summary>The body of <c>/healthz</c>: the process answers, nothing more is claimed.</summary>
internal sealed record HealthStatus(string Status)
{
    public static HealthStatus Alive { get; } = new("alive");
}
