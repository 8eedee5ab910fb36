using System.Text;
using Microsoft.AspNetCore.Http;

namespace OkrLinker.Worker.Web.Dashboard;

/// <summary>
/// A dashboard page: UTF-8 HTML with a Content-Security-Policy that allows no script, no fetch and no framing
/// (styles are inline), so text that slipped past the encoder still could not run.
/// </summary>
internal sealed class HtmlPageResult(string html, int statusCode = StatusCodes.Status200OK) : IResult
{
    public const string Policy =
        "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

    public string Html => html;

    public int StatusCode => statusCode;

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        var response = httpContext.Response;
        response.StatusCode = statusCode;
        response.ContentType = "text/html; charset=utf-8";
        response.Headers.ContentSecurityPolicy = Policy;
        response.Headers.XContentTypeOptions = "nosniff";
        response.Headers["Referrer-Policy"] = "no-referrer";
        response.Headers.CacheControl = "no-store";
        await response.Body.WriteAsync(Encoding.UTF8.GetBytes(html), httpContext.RequestAborted);
    }
}
