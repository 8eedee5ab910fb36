namespace OkrLinker.Core.Configuration;

/// <summary>
/// One entry of <c>Report.Deliver</c>: where the weekly report goes besides the files. Each entry is
/// independent: one failing never stops the others. Secrets (webhook URLs, SMTP credentials) come
/// from the environment variables or files named here, never from the config file itself.
/// </summary>
public sealed class DeliveryOptions
{
    /// <summary><c>files</c>, <c>slack</c>, <c>teams</c> or <c>email</c>.</summary>
    public string Kind { get; set; } = "";

    /// <summary>Slack / Teams: the environment variable holding the incoming-webhook URL.</summary>
    public string? WebhookEnv { get; set; }

    /// <summary>Slack / Teams: a file holding the webhook URL, relative to the config file.</summary>
    public string? WebhookFile { get; set; }

    /// <summary>Files: formats to write (default <c>Report.Formats</c>); folder default <c>Report.Output</c>.</summary>
    public List<string> Formats { get; set; } = [];

    public string? Folder { get; set; }

    /// <summary>Email: the SMTP server.</summary>
    public string? Host { get; set; }

    /// <summary>Email: default 587.</summary>
    public int Port { get; set; } = 587;

    /// <summary>Email: <c>StartTls</c> (default), <c>SslOnConnect</c> or <c>None</c>.</summary>
    public string Security { get; set; } = "StartTls";

    public string? From { get; set; }

    public List<string> To { get; set; } = [];

    /// <summary>Email: environment variables holding the SMTP user and password (both absent: no authentication).</summary>
    public string? UserEnv { get; set; }

    public string? PasswordEnv { get; set; }

    /// <summary>A link shown in messages, e.g. the dashboard or the report's home.</summary>
    public string? Link { get; set; }

    /// <summary>Attempts before giving up on this entry for this report. Default 5.</summary>
    public int Attempts { get; set; } = 5;
}
