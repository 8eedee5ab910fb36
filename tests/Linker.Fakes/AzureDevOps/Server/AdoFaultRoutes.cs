using Microsoft.AspNetCore.Http;

namespace OkrLinker.Fakes.AzureDevOps.Server;

/// <summary>What the fake Azure DevOps tells its <see cref="Hosting.FakeFaultGate"/>: the route path and the journal entry of a dropped connection.</summary>
internal static class AdoFaultRoutes
{
    /// <summary>The path a fault route is matched against: without the organization, e.g. <c>/Shop/_apis/wit/wiql</c>.</summary>
    public static string RoutePath(string path) =>
        "/" + string.Join('/', path.Split('/', StringSplitOptions.RemoveEmptyEntries).Skip(1).Select(Uri.UnescapeDataString));

    public static FakeAdoRequest Dropped(HttpRequest request, FakeFault fault, TimeProvider clock)
    {
        var path = request.Path.Value ?? "/";
        var segments = path.Split('/', StringSplitOptions.RemoveEmptyEntries).Select(Uri.UnescapeDataString).ToList();
        return new FakeAdoRequest
        {
            Kind = AdoRoutes.KindOf(request.Method, segments),
            Method = request.Method,
            Path = path,
            Query = request.QueryString.Value ?? "",
            Status = 0,
            Fault = fault.Kind,
            Timestamp = clock.GetUtcNow(),
        };
    }
}
