using System.Net;
using System.Net.Sockets;
using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Logging;
using OkrLinker.Core.Configuration;
using OkrLinker.Core.Reports;

namespace OkrLinker.Worker.Delivery.Email;

/// <summary>
/// Mails the report through SMTP with MailKit: connect with the entry's <c>Security</c>, authenticate
/// when <c>UserEnv</c>/<c>PasswordEnv</c> are set (values read by the <see cref="SecretReader"/>), send, quit.
/// </summary>
internal sealed class EmailReportDelivery(ReportMail mail, SmtpClientFactory clients, SecretReader secrets, ILogger<EmailReportDelivery> logger) : IReportDelivery
{
    public string Kind => DeliveryKinds.Email;

    public async Task DeliverAsync(WeeklyReport report, DeliveryOptions options, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(options.Host))
        {
            throw new DeliveryException("missing; the SMTP server to send through", "Host");
        }

        if (!SmtpSecurity.TryParse(options.Security, out var security))
        {
            throw new DeliveryException($"'{options.Security}' is not one of {string.Join(", ", SmtpSecurity.Names)}", "Security");
        }

        var credentials = Credentials(options);
        using var message = await mail.BuildAsync(report, options, cancellationToken);
        var server = $"{options.Host}:{options.Port}";
        using var client = clients.Create();
        try
        {
            await client.ConnectAsync(options.Host, options.Port, security, cancellationToken);
            if (credentials is not null)
            {
                await client.AuthenticateAsync(credentials, cancellationToken);
            }

            await client.SendAsync(message, cancellationToken);
            await client.DisconnectAsync(quit: true, cancellationToken);
        }
        catch (Exception ex) when (Translate(ex, server, options) is { } failure)
        {
            throw failure;
        }

        logger.Mailed(report.Week, server, security, options.To.Count);
    }

    private NetworkCredential? Credentials(DeliveryOptions options)
    {
        if (string.IsNullOrWhiteSpace(options.UserEnv) && string.IsNullOrWhiteSpace(options.PasswordEnv))
        {
            return null;
        }

        return new NetworkCredential(Read(options.UserEnv, "UserEnv"), Read(options.PasswordEnv, "PasswordEnv"));
    }

    private string Read(string? variable, string setting)
    {
        try
        {
            return secrets.Require(setting, variable, "missing; UserEnv and PasswordEnv go together (neither: no authentication)").Value;
        }
        catch (SecretException ex)
        {
            throw new DeliveryException(ex.Message, ex.Key, innerException: ex);
        }
    }

    // MailKit's messages carry the server's reply, never the credentials. Refusals that trying again
    // cannot change (credentials, addresses, certificates, a server without STARTTLS) are permanent.
    private static DeliveryException? Translate(Exception ex, string server, DeliveryOptions options) => ex switch
    {
        AuthenticationException => new DeliveryException(
            $"SMTP {server} refused the credentials from {options.UserEnv}/{options.PasswordEnv}: {ex.Message}", permanent: true, innerException: ex),
        SmtpCommandException command => new DeliveryException(
            $"SMTP {server} answered {(int)command.StatusCode} to {command.ErrorCode}: {ReportDigest.OneLine(command.Message)}",
            permanent: (int)command.StatusCode >= 500, innerException: ex),
        SslHandshakeException => new DeliveryException(
            $"SMTP {server}: the TLS handshake failed ({ReportDigest.OneLine(ex.Message, 160)})", permanent: true, innerException: ex),
        NotSupportedException => new DeliveryException(
            $"SMTP {server}: {ex.Message} (Security is {options.Security})", permanent: true, innerException: ex),
        SmtpProtocolException or ServiceNotConnectedException or IOException or SocketException or TimeoutException => new DeliveryException(
            $"SMTP {server}: {ex.GetType().Name}: {ReportDigest.OneLine(ex.Message, 160)}", innerException: ex),
        _ => null,
    };
}
