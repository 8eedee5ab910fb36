namespace OkrLinker.Core.Configuration;

/// <summary>
/// The receiver of a source's webhooks (<c>/hooks/{kind}/{source}</c>). It stays off until a secret is named: the
/// secret, not the API key, is what a delivery must prove it knows.
/// </summary>
public sealed class WebhookReceiverOptions
{
    /// <summary>The environment variable that holds the webhook secret.</summary>
    public string? SecretEnv { get; set; }

    /// <summary>A file that holds the webhook secret, relative to the config file.</summary>
    public string? SecretFile { get; set; }
}
