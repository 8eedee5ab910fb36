using OkrLinker.Core.Configuration;

namespace OkrLinker.Worker.Delivery.Webhooks;

/// <summary>
/// The webhook URL of an entry, read by the <see cref="SecretReader"/> from the environment variable
/// (<c>WebhookEnv</c>) or the file (<c>WebhookFile</c>) it names. The URL is a secret: whoever holds it
/// can post to the channel, so only <see cref="Redacted"/> may reach a log or a message.
/// </summary>
internal sealed class WebhookAddress(SecretReader secrets)
{
    /// <exception cref="DeliveryException">Neither source holds a usable http(s) URL; names the setting.</exception>
    public Uri Resolve(DeliveryOptions options)
    {
        Secret secret;
        try
        {
            secret = secrets.Require(
                "WebhookEnv", options.WebhookEnv,
                "missing; name the environment variable (WebhookEnv) or the file (WebhookFile) that holds the webhook URL",
                "WebhookFile", options.WebhookFile);
        }
        catch (SecretException ex)
        {
            throw new DeliveryException(ex.Message, ex.Key, innerException: ex);
        }

        // The value is never echoed: a typo in a secret is still mostly the secret.
        return ReportDigest.WebAddress(secret.Value)
            ?? throw new DeliveryException($"{secret.Origin} does not hold an absolute http(s) URL", secret.Key);
    }

    /// <summary><c>https://hooks.slack.com</c>: the scheme and host only; the path is the secret.</summary>
    public static string Redacted(Uri address) => $"{address.Scheme}://{address.Host}";
}
