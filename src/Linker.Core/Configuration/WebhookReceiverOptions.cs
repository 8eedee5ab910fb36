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

    /// <summary>
    /// How long after a delivery its scope's sync starts; the deliveries that arrive meanwhile join that sync. Default
    /// 5 s, from 0 to 10 minutes.
    /// </summary>
    public TimeSpan Debounce { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>The longest <see cref="Debounce"/> allowed.</summary>
    public static readonly TimeSpan MaxDebounce = TimeSpan.FromMinutes(10);

    /// <summary>True when a secret is named, which turns the receiver on.</summary>
    public bool IsOn => !string.IsNullOrWhiteSpace(SecretEnv) || !string.IsNullOrWhiteSpace(SecretFile);
}
