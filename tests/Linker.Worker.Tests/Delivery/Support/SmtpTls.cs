namespace OkrLinker.Worker.Tests.Delivery.Support;

/// <summary>How <see cref="SmtpReceiver"/> offers TLS.</summary>
internal enum SmtpTls
{
    /// <summary>Clear text only; STARTTLS is not advertised.</summary>
    None,

    /// <summary>STARTTLS is advertised in the EHLO answer and honoured.</summary>
    StartTls,

    /// <summary>TLS from the first byte (port 465 style).</summary>
    Implicit,
}
