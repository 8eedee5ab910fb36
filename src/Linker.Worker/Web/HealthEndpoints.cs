using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace OkrLinker.Worker.Web;

/// <summary>The handlers of <c>/healthz</c> (liveness, touches nothing) and <c>/readyz</c> (store and source freshness).</summary>
internal static class HealthEndpoints
{
    public static JsonHttpResult<HealthStatus> Alive() => TypedResults.Json(HealthStatus.Alive, WebJson.Options);

    public static async Task<JsonHttpResult<ReadinessReport>> ReadyAsync(ReadinessProbe probe, CancellationToken cancellationToken)
    {
        var report = await probe.CheckAsync(cancellationToken);
        return TypedResults.Json(
            report, WebJson.Options, statusCode: report.IsReady ? StatusCodes.Status200OK : StatusCodes.Status503ServiceUnavailable);
    }
}
