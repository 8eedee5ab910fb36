using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;
using OkrLinker.Core.Configuration;

namespace OkrLinker.Worker.Web;

/// <summary>
/// Lets a request through when <c>Web:ApiKey</c> is unset or the request presents it; otherwise answers 401 with
/// <c>WWW-Authenticate: Bearer</c> and a problem body. Neither the expected nor the presented key is ever logged.
/// </summary>
internal sealed partial class ApiKeyFilter(IOptions<LinkerOptions> options, ILogger<ApiKeyFilter> logger) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var expected = options.Value.Web.ApiKey;
        if (string.IsNullOrEmpty(expected))
        {
            return await next(context);
        }

        var request = context.HttpContext.Request;
        var presented = ApiKeyMatcher.Presented(request).ToList();
        // Every presented key is compared, so the time taken does not tell which header matched.
        var matched = presented.Aggregate(false, (any, key) => ApiKeyMatcher.Matches(key, expected) | any);
        if (matched)
        {
            return await next(context);
        }

        var problem = presented.Count == 0 ? "no API key presented" : "the API key presented is wrong";
        LogRefused(request.Method, request.Path.Value ?? "", problem);
        context.HttpContext.Response.Headers[HeaderNames.WWWAuthenticate] = "Bearer";
        return TypedResults.Problem(
            statusCode: StatusCodes.Status401Unauthorized,
            title: "Unauthorized",
            detail: $"{char.ToUpperInvariant(problem[0])}{problem[1..]}: send the key in the {ApiKeyMatcher.HeaderName} header or as Authorization: Bearer.");
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refused {Method} {Path}: {Problem}")]
    private partial void LogRefused(string method, string path, string problem);
}
