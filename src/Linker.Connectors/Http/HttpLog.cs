using Microsoft.Extensions.Logging;

namespace OkrLinker.Connectors.Http;

/// <summary>What the HTTP layer logs. Targets come from <see cref="SafeRequestTarget"/>; headers are never logged.</summary>
internal static partial class HttpLog
{
    [LoggerMessage(EventId = 7101, Level = LogLevel.Warning,
        Message = "Source '{Source}': {Target} failed ({Failure}); retry {Retry} of {MaxRetries} in {Delay}")]
    public static partial void Retrying(this ILogger logger, string source, string target, string failure, int retry, int maxRetries, TimeSpan delay);

    [LoggerMessage(EventId = 7102, Level = LogLevel.Warning,
        Message = "Source '{Source}': rate limit ({Reason}); waiting {Wait} before {Target}")]
    public static partial void WaitingForRateLimit(this ILogger logger, string source, string reason, TimeSpan wait, string target);

    [LoggerMessage(EventId = 7103, Level = LogLevel.Error,
        Message = "Source '{Source}': {Target} answered {Status}; the source fails until the token in {TokenVariable} is fixed")]
    public static partial void AuthFailed(this ILogger logger, string source, string target, int status, string tokenVariable);

    [LoggerMessage(EventId = 7104, Level = LogLevel.Error,
        Message = "Source '{Source}': {Target} would wait {Wait} ({Basis}) for a rate limit, beyond Http:MaxRateLimitWait {MaxWait}")]
    public static partial void RateLimitTooLong(this ILogger logger, string source, string target, TimeSpan wait, string basis, TimeSpan maxWait);
}
