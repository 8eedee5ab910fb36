using System.Text;
using Microsoft.AspNetCore.Http;
using static OkrLinker.Core.Reports.HtmlText;

namespace OkrLinker.Worker.Web.Dashboard;

/// <summary>The sign-in form: one field for the API key; it posts to <c>/login</c> and comes back to the page asked for.</summary>
internal static class LoginPage
{
    public static HtmlPageResult Render(string? next, bool failed, int statusCode)
    {
        var html = new StringBuilder(16 * 1024);
        DashboardLayout.AppendHead(html, "Sign in");
        html.Append("<body>\n<main id=\"content\">\n<section class=\"login\">\n<h1>OkrLinker dashboard</h1>\n");
        html.Append("<p>This dashboard is guarded by the worker's API key (<code>Web:ApiKey</code>).</p>\n");
        if (failed)
        {
            html.Append("<p class=\"error\" role=\"alert\">That is not the key. Try again.</p>\n");
        }

        html.Append("<form method=\"post\" action=\"/login\">\n<label for=\"key\">API key</label>\n");
        html.Append("<input id=\"key\" name=\"key\" type=\"password\" autocomplete=\"current-password\" required>\n");
        html.Append(Inv, $"<input type=\"hidden\" name=\"next\" value=\"{Encode(SafeNext(next))}\">\n");
        html.Append("<button type=\"submit\">Sign in</button>\n</form>\n</section>\n</main>\n</body>\n</html>\n");
        return new HtmlPageResult(html.ToString(), statusCode);
    }

    /// <summary>Only a path on this site: "/x" but never "//host" or "/\host", which browsers read as another site.</summary>
    public static string SafeNext(string? next) =>
        next is { Length: > 0 } && next[0] == '/' && (next.Length == 1 || (next[1] != '/' && next[1] != '\\')) ? next : "/";

    public static async Task<IResult> SignInAsync(HttpContext context, DashboardAccess access)
    {
        var form = await context.Request.ReadFormAsync(context.RequestAborted);
        var next = SafeNext(form["next"].ToString());
        if (!access.IsKey(form["key"].ToString()))
        {
            return Render(next, failed: true, StatusCodes.Status401Unauthorized);
        }

        access.SignIn(context);
        return TypedResults.Redirect(next);
    }

    public static IResult SignOut(HttpContext context)
    {
        DashboardAccess.SignOut(context);
        return TypedResults.Redirect("/login");
    }
}
