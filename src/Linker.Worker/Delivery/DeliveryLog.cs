using Microsoft.Extensions.Logging;

namespace OkrLinker.Worker.Delivery;

/// <summary>
/// What delivery logs. Targets are redacted before they get here (a webhook shows only its scheme and
/// host); problems come from <see cref="DeliveryException.Problem"/>, which never holds a secret.
/// </summary>
internal static partial class DeliveryLog
{
    [LoggerMessage(EventId = 7201, Level = LogLevel.Information,
        Message = "Report {Week} delivered by {Entry} ({Kind}) after {Attempts} attempt(s)")]
    public static partial void Delivered(this ILogger logger, string week, string entry, string kind, int attempts);

    [LoggerMessage(EventId = 7209, Level = LogLevel.Information,
        Message = "Report {Week} already delivered by {Entry} ({Kind}); not sent again")]
    public static partial void AlreadyDelivered(this ILogger logger, string week, string entry, string kind);

    [LoggerMessage(EventId = 7202, Level = LogLevel.Warning,
        Message = "Report {Week}: attempt {Attempt} of {MaxAttempts} failed: {Error}; trying again in {Delay}")]
    public static partial void AttemptFailed(this ILogger logger, string week, int attempt, int maxAttempts, string error, TimeSpan delay, Exception? exception);

    [LoggerMessage(EventId = 7203, Level = LogLevel.Error,
        Message = "Report {Week} not delivered after {Attempts} attempt(s): {Error}")]
    public static partial void GaveUp(this ILogger logger, string week, int attempts, string error, Exception? exception);

    [LoggerMessage(EventId = 7204, Level = LogLevel.Error,
        Message = "Report {Week} not delivered: {Error}")]
    public static partial void Misconfigured(this ILogger logger, string week, string error);

    [LoggerMessage(EventId = 7206, Level = LogLevel.Information,
        Message = "Report {Week} posted to the {Kind} webhook at {Target} ({Status})")]
    public static partial void Posted(this ILogger logger, string week, string kind, string target, int status);

    [LoggerMessage(EventId = 7207, Level = LogLevel.Information,
        Message = "Report {Week} mailed through {Server} ({Security}) to {Recipients} recipient(s)")]
    public static partial void Mailed(this ILogger logger, string week, string server, MailKit.Security.SecureSocketOptions security, int recipients);

    [LoggerMessage(EventId = 7208, Level = LogLevel.Information,
        Message = "Report {Week} written to {Folder}: {Files}")]
    public static partial void Written(this ILogger logger, string week, string folder, IReadOnlyList<string> files);
}
