using Microsoft.Extensions.Options;

namespace OkrLinker.Connectors.Http;

/// <summary>Checks <see cref="HttpResilienceOptions"/> at start; every failure names its key as written in linker.json.</summary>
internal sealed class HttpResilienceOptionsValidator : IValidateOptions<HttpResilienceOptions>
{
    // Polly's timeout strategy refuses anything outside 10 ms .. 24 h.
    private static readonly TimeSpan ShortestAttempt = TimeSpan.FromMilliseconds(10);
    private static readonly TimeSpan OneDay = TimeSpan.FromDays(1);

    public ValidateOptionsResult Validate(string? name, HttpResilienceOptions options)
    {
        var failures = new List<string>();
        var s = HttpResilienceOptions.Section;
        if (options.AttemptTimeout < ShortestAttempt || options.AttemptTimeout > OneDay)
        {
            failures.Add($"{s}:AttemptTimeout: must be 00:00:00.010..1.00:00:00 (10 ms to 24 h), is {options.AttemptTimeout}");
        }

        if (options.MaxRetries is < 0 or > 20)
        {
            failures.Add($"{s}:MaxRetries: must be 0..20, is {options.MaxRetries}");
        }

        if (options.MaxDelay <= TimeSpan.Zero || options.MaxDelay > OneDay)
        {
            failures.Add($"{s}:MaxDelay: must be more than 0 and at most 1.00:00:00, is {options.MaxDelay}");
        }

        if (options.BaseDelay < TimeSpan.Zero || options.BaseDelay > options.MaxDelay)
        {
            failures.Add($"{s}:BaseDelay: must be 0..{s}:MaxDelay ({options.MaxDelay}), is {options.BaseDelay}");
        }

        if (options.RateLimitFloor < 0)
        {
            failures.Add($"{s}:RateLimitFloor: must be 0 (off) or more, is {options.RateLimitFloor}");
        }

        if (options.MaxRateLimitWait < TimeSpan.Zero || options.MaxRateLimitWait > OneDay)
        {
            failures.Add($"{s}:MaxRateLimitWait: must be 0..1.00:00:00, is {options.MaxRateLimitWait}");
        }

        if (options.MaxConcurrentRequests is < 1 or > 16)
        {
            failures.Add($"{s}:MaxConcurrentRequests: must be 1..16, is {options.MaxConcurrentRequests}");
        }

        if (options.SecondaryLimitMinimumWait < TimeSpan.Zero || options.SecondaryLimitMinimumWait > OneDay)
        {
            failures.Add($"{s}:SecondaryLimitMinimumWait: must be 0..1.00:00:00, is {options.SecondaryLimitMinimumWait}");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
