using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace OkrLinker.Worker.Web;

/// <summary>The handler of <c>/metrics</c>.</summary>
internal static class MetricsEndpoint
{
    public static async Task<ContentHttpResult> ScrapeAsync(MetricsCollector collector, CancellationToken cancellationToken)
    {
        var families = await collector.CollectAsync(cancellationToken);
        return TypedResults.Text(PrometheusWriter.Write(families), PrometheusWriter.ContentType);
    }
}
