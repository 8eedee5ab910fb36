using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Http;

namespace OkrLinker.Connectors.Tests.Http.Support;

/// <summary>Script steps for <see cref="ScriptedHttpServer"/>.</summary>
internal static class Respond
{
    /// <summary>A status, an optional body, and headers; "{now+N}" in a header value becomes the epoch second N after the Date sent.</summary>
    public static Func<HttpContext, Task> With(int status, string body = "", params (string Name, string Value)[] headers) =>
        async context =>
        {
            // The Date header is set explicitly so reset-based waits are exact: reset minus Date.
            var now = TimeProvider.System.GetUtcNow();
            var date = new DateTimeOffset(now.Year, now.Month, now.Day, now.Hour, now.Minute, now.Second, TimeSpan.Zero);
            context.Response.StatusCode = status;
            context.Response.Headers.Date = date.ToString("R", CultureInfo.InvariantCulture);
            foreach (var (name, value) in headers)
            {
                context.Response.Headers[name] = ExpandEpoch(value, date);
            }

            if (body.Length > 0)
            {
                context.Response.ContentType ??= body.StartsWith('{') ? "application/json" : "text/plain";
                await context.Response.WriteAsync(body, context.RequestAborted);
            }
        };

    public static Func<HttpContext, Task> Ok(string body, params (string Name, string Value)[] headers) => With(200, body, headers);

    /// <summary>Closes the connection without an answer.</summary>
    public static Func<HttpContext, Task> Drop() => context =>
    {
        context.Abort();
        return Task.CompletedTask;
    };

    /// <summary>Promises <paramref name="claimedLength"/> bytes, sends <paramref name="partial"/>, then closes the connection.</summary>
    public static Func<HttpContext, Task> Truncated(string partial, int claimedLength) => async context =>
    {
        var bytes = Encoding.UTF8.GetBytes(partial);
        context.Response.StatusCode = 200;
        context.Response.ContentType = "application/json";
        context.Response.ContentLength = claimedLength;
        await context.Response.Body.WriteAsync(bytes, context.RequestAborted);
        await context.Response.Body.FlushAsync(context.RequestAborted);
        context.Abort();
    };

    /// <summary>Answers nothing for <paramref name="delay"/> (or until the client gives up), then as <paramref name="then"/>.</summary>
    public static Func<HttpContext, Task> After(TimeSpan delay, Func<HttpContext, Task> then) => async context =>
    {
        try
        {
            await Task.Delay(delay, context.RequestAborted);
        }
        catch (OperationCanceledException)
        {
            return;
        }

        await then(context);
    };

    private static string ExpandEpoch(string value, DateTimeOffset date) =>
        value.StartsWith("{now+", StringComparison.Ordinal) && value.EndsWith('}')
            ? (date.ToUnixTimeSeconds() + int.Parse(value[5..^1], CultureInfo.InvariantCulture)).ToString(CultureInfo.InvariantCulture)
            : value;
}
