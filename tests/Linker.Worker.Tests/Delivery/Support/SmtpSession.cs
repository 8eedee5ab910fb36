namespace OkrLinker.Worker.Tests.Delivery.Support;

/// <summary>What one SMTP connection of <see cref="SmtpReceiver"/> has been told so far.</summary>
internal sealed class SmtpSession
{
    public string? MailFrom { get; set; }

    public List<string> Recipients { get; } = [];

    public string? User { get; set; }

    public string? Password { get; set; }
}
