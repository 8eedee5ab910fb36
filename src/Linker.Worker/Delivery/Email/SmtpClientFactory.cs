using System.Net.Security;
using MailKit.Net.Smtp;

namespace OkrLinker.Worker.Delivery.Email;

/// <summary>
/// Makes the SMTP client of each attempt. <see cref="CertificateValidation"/> is null in production
/// (the system's trust store decides); tests that run their own TLS server set it to trust their
/// certificate.
/// </summary>
internal sealed class SmtpClientFactory
{
    public RemoteCertificateValidationCallback? CertificateValidation { get; init; }

    /// <summary>Each SMTP command's time limit. Default 60 s.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(60);

    public SmtpClient Create()
    {
        var client = new SmtpClient { Timeout = (int)Timeout.TotalMilliseconds };
        if (CertificateValidation is not null)
        {
            client.ServerCertificateValidationCallback = CertificateValidation;
        }

        return client;
    }
}
