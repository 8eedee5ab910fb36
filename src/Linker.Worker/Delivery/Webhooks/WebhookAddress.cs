using OkrLinker.Core.Configuration;

namespace OkrLinker.Worker.Delivery.Webhooks;

/// <summary>
/// The webhook URL of an entry, read from the environment variable (<c>WebhookEnv</c>) or the file
/// (<c>WebhookFile</c>, relative to the config file) it names. The URL is a secret: whoever holds it can
/// post to the channel, so only <see cref="Redacted"/> may reach a log or a message.
/// </summary>
internal sealed class WebhookAddress(ConfigLocation location)
{
    /// <exception cref="DeliveryException">Neither source holds a usable http(s) URL; names the setting.</exception>
    public Uri Resolve(DeliveryOptions options)
    {
        if (!string.IsNullOrWhiteSpace(options.WebhookEnv))
        {
            var value = Environment.GetEnvironmentVariable(options.WebhookEnv);
            if (!string.IsNullOrWhiteSpace(value))
            {
                return Parse(value, "WebhookEnv", $"environment variable {options.WebhookEnv}");
            }

            if (string.IsNullOrWhiteSpace(options.WebhookFile))
            {
                throw new DeliveryException($"environment variable {options.WebhookEnv} is not set", "WebhookEnv");
            }
        }

        if (string.IsNullOrWhiteSpace(options.WebhookFile))
        {
            throw new DeliveryException("missing; name the environment variable (WebhookEnv) or the file (WebhookFile) that holds the webhook URL", "WebhookEnv");
        }

        var path = location.Resolve(options.WebhookFile);
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new DeliveryException($"cannot read {path}: {ex.GetType().Name}", "WebhookFile", innerException: ex);
        }

        return Parse(text.Trim(), "WebhookFile", path);
    }

    /// <summary><c>https://hooks.slack.com</c>: the scheme and host only; the path is the secret.</summary>
    public static string Redacted(Uri address) => $"{address.Scheme}://{address.Host}";

    // The value is never echoed: a typo in a secret is still mostly the secret.
    private static Uri Parse(string value, string setting, string where) =>
        ReportDigest.WebAddress(value.Trim())
        ?? throw new DeliveryException($"{where} does not hold an absolute http(s) URL", setting);
}
