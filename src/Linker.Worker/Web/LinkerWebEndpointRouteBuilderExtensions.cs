using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace OkrLinker.Worker.Web;

public static class LinkerWebEndpointRouteBuilderExtensions
{
    /// <summary>
    /// Maps the read-only endpoints (DESIGN.md §5): <c>GET /healthz</c> open to all; <c>GET /readyz</c>,
    /// <c>GET /metrics</c>, <c>GET /api/report/latest</c>, <c>GET /api/report/{week}</c> and
    /// <c>GET /api/items/{source}/{**key}</c> behind the API key
    /// when <c>Web:ApiKey</c> is set; and the dashboard's pages (DESIGN.md §12), behind the key or the login cookie. Needs <see cref="LinkerWebServiceCollectionExtensions.AddLinkerWeb"/>.
    /// Returns the group of all of them, for further conventions.
    /// </summary>
    public static RouteGroupBuilder MapLinkerEndpoints(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);

        // Fix the start time now, as the host starts, not at the first probe: the grace for sources that
        // never succeeded counts from here.
        _ = endpoints.ServiceProvider.GetRequiredService<ProcessStartTime>();

        var all = endpoints.MapGroup("");
        all.MapGet("/healthz", HealthEndpoints.Alive);

        var guarded = all.MapGroup("").RequireLinkerApiKey();
        guarded.MapGet("/readyz", HealthEndpoints.ReadyAsync);
        guarded.MapGet("/api/report/latest", ReportEndpoints.LatestAsync);
        guarded.MapGet("/api/report/{week}", ReportEndpoints.WeekAsync);
        guarded.MapGet("/api/items/{source}/{**key}", ItemEndpoints.LinkAsync);
        MetricsEndpoint.Map(endpoints);
        Dashboard.DashboardEndpoints.Map(all); // the pages guard themselves: 401 with the login form, not a problem body
        return all;
    }

    /// <summary>
    /// Puts route-handler endpoints behind <c>Web:ApiKey</c> (header <c>X-Api-Key</c> or <c>Authorization: Bearer</c>,
    /// compared in constant time; 401 with <c>WWW-Authenticate: Bearer</c> otherwise). No-op while the key is unset.
    /// </summary>
    public static TBuilder RequireLinkerApiKey<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder =>
        builder.AddEndpointFilter<TBuilder, ApiKeyFilter>();
}
