using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace OkrLinker.Worker.Web;

/// <summary>
/// <c>/metrics</c>: OpenTelemetry's Prometheus exporter, behind the API key, after the report figures are refreshed.
/// The exporter's endpoint is a plain request pipeline, not a route handler, so the key check runs the same
/// <see cref="ApiKeyFilter"/> the other endpoints use from a middleware of that pipeline.
/// </summary>
internal static class MetricsEndpoint
{
    public const string Path = "/metrics";

    public static IEndpointConventionBuilder Map(IEndpointRouteBuilder endpoints) =>
        endpoints.MapPrometheusScrapingEndpoint(Path, meterProvider: null, configureBranchedPipeline: branch => branch.Use(GuardAndRefreshAsync), optionsName: null);

    private static async Task GuardAndRefreshAsync(HttpContext context, RequestDelegate next)
    {
        var filter = ActivatorUtilities.CreateInstance<ApiKeyFilter>(context.RequestServices);
        var refused = await filter.InvokeAsync(new DefaultEndpointFilterInvocationContext(context), async _ =>
        {
            await context.RequestServices.GetRequiredService<MetricsCollector>().RefreshAsync(context.RequestAborted);
            await next(context);
            return null;
        });
        if (refused is IResult result)
        {
            await result.ExecuteAsync(context);
        }
    }
}
