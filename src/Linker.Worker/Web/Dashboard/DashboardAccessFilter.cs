using Microsoft.AspNetCore.Http;

namespace OkrLinker.Worker.Web.Dashboard;

/// <summary>
/// Answers a dashboard request that lacks the key with 401 and the login form (so a browser can sign in and come back
/// to the page it asked for); lets the rest through.
/// </summary>
internal sealed class DashboardAccessFilter(DashboardAccess access) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var request = context.HttpContext.Request;
        if (access.Allows(request))
        {
            return await next(context);
        }

        return LoginPage.Render(request.Path + request.QueryString, failed: false, StatusCodes.Status401Unauthorized);
    }
}
