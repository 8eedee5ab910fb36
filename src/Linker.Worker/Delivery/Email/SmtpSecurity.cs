using MailKit.Security;

namespace OkrLinker.Worker.Delivery.Email;

/// <summary>
/// <c>Security</c> of an email entry. <c>StartTls</c> is strict: a server that does not offer STARTTLS
/// fails the delivery rather than receiving the report in clear text.
/// </summary>
internal static class SmtpSecurity
{
    public static readonly IReadOnlyList<string> Names = ["StartTls", "SslOnConnect", "None"];

    public static bool TryParse(string? text, out SecureSocketOptions options)
    {
        options = text?.Trim().ToLowerInvariant() switch
        {
            "starttls" => SecureSocketOptions.StartTls,
            "sslonconnect" => SecureSocketOptions.SslOnConnect,
            "none" => SecureSocketOptions.None,
            _ => SecureSocketOptions.Auto,
        };
        return options != SecureSocketOptions.Auto;
    }
}
