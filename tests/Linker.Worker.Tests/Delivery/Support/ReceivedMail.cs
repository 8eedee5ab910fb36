namespace OkrLinker.Worker.Tests.Delivery.Support;

/// <summary>
/// One message as the SMTP receiver took it: the envelope, the DATA bytes after dot-unstuffing (lines
/// end in CRLF, the final "." line removed), whether the session was under TLS, and who authenticated.
/// </summary>
internal sealed record ReceivedMail(string MailFrom, IReadOnlyList<string> Recipients, byte[] Data, bool Tls, string? User, string? Password);
