using System.Collections.Concurrent;
using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Cryptography.X509Certificates;
using System.Text;

namespace OkrLinker.Worker.Tests.Delivery.Support;

/// <summary>
/// A minimal SMTP server on 127.0.0.1 and a free port: EHLO/HELO, STARTTLS or implicit TLS (with a
/// test certificate), AUTH PLAIN and LOGIN (any credentials accepted and recorded), MAIL FROM, RCPT TO,
/// DATA with dot-unstuffing, RSET, NOOP, QUIT. It keeps every command line (<see cref="Transcript"/>)
/// and every message (<see cref="Mails"/>). It advertises no PIPELINING, 8BITMIME, SIZE or CHUNKING, so
/// the client speaks the plainest SMTP.
/// </summary>
internal sealed class SmtpReceiver : IAsyncDisposable
{
    private const string Name = "fake-smtp.local";

    private readonly TcpListener listener;
    private readonly SmtpTls tls;
    private readonly bool offerAuth;
    private readonly X509Certificate2? certificate;
    private readonly CancellationTokenSource stop = new();
    private readonly ConcurrentQueue<string> transcript = new();
    private readonly ConcurrentQueue<ReceivedMail> mails = new();
    private readonly ConcurrentBag<Task> sessions = [];
    private readonly Task acceptLoop;

    private SmtpReceiver(SmtpTls tls, bool offerAuth, X509Certificate2? certificate)
    {
        this.tls = tls;
        this.offerAuth = offerAuth;
        this.certificate = certificate;
        listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        acceptLoop = AcceptAsync();
    }

    public int Port => ((IPEndPoint)listener.LocalEndpoint).Port;

    /// <summary>Every line the client sent outside DATA, in order, across sessions.</summary>
    public IReadOnlyList<string> Transcript => [.. transcript];

    public IReadOnlyList<ReceivedMail> Mails => [.. mails];

    public static SmtpReceiver Start(SmtpTls tls = SmtpTls.None, bool offerAuth = false, X509Certificate2? certificate = null)
    {
        if (tls != SmtpTls.None && certificate is null)
        {
            throw new ArgumentException("TLS needs a certificate.", nameof(certificate));
        }

        return new SmtpReceiver(tls, offerAuth, certificate);
    }

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync();
        listener.Stop();
        try
        {
            await acceptLoop;
            await Task.WhenAll(sessions);
        }
        catch (Exception ex) when (ex is OperationCanceledException or SocketException or ObjectDisposedException or IOException)
        {
            // The listener and open sessions end by cancellation.
        }

        stop.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (!stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await listener.AcceptTcpClientAsync(stop.Token);
            }
            catch (Exception ex) when (ex is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }

            sessions.Add(Task.Run(() => ServeAsync(client, stop.Token)));
        }
    }

    private async Task ServeAsync(TcpClient client, CancellationToken ct)
    {
        using var _ = client;
        Stream stream = client.GetStream();
        var secure = false;
        try
        {
            if (tls == SmtpTls.Implicit)
            {
                stream = await SecureAsync(stream, ct);
                secure = true;
            }

            var lines = new SmtpLineReader(stream);
            await ReplyAsync(stream, $"220 {Name} ESMTP ready", ct);
            var session = new SmtpSession();
            while (await lines.ReadLineAsync(ct) is { } raw)
            {
                var line = Encoding.ASCII.GetString(raw);
                transcript.Enqueue(line);
                var parts = line.Split(' ', 2);
                var argument = parts.Length > 1 ? parts[1] : "";
                switch (parts[0].ToUpperInvariant())
                {
                    case "EHLO":
                        session = new SmtpSession();
                        await ReplyAsync(stream, Extensions(secure), ct);
                        break;
                    case "HELO":
                        session = new SmtpSession();
                        await ReplyAsync(stream, $"250 {Name}", ct);
                        break;
                    case "STARTTLS" when tls == SmtpTls.StartTls && !secure:
                        await ReplyAsync(stream, "220 2.0.0 Ready to start TLS", ct);
                        stream = await SecureAsync(stream, ct);
                        secure = true;
                        lines = new SmtpLineReader(stream);
                        session = new SmtpSession();
                        break;
                    case "AUTH" when offerAuth:
                        (session.User, session.Password) = await AuthenticateAsync(stream, lines, argument, ct);
                        await ReplyAsync(stream, "235 2.7.0 Authentication successful", ct);
                        break;
                    case "MAIL":
                        session.MailFrom = Address(argument);
                        session.Recipients.Clear();
                        await ReplyAsync(stream, "250 2.1.0 Sender OK", ct);
                        break;
                    case "RCPT":
                        session.Recipients.Add(Address(argument));
                        await ReplyAsync(stream, "250 2.1.5 Recipient OK", ct);
                        break;
                    case "DATA" when session.MailFrom is not null && session.Recipients.Count > 0:
                        await ReplyAsync(stream, "354 End data with <CR><LF>.<CR><LF>", ct);
                        var data = await ReadDataAsync(lines, ct);
                        mails.Enqueue(new ReceivedMail(session.MailFrom, [.. session.Recipients], data, secure, session.User, session.Password));
                        session.MailFrom = null;
                        session.Recipients.Clear();
                        await ReplyAsync(stream, "250 2.0.0 Queued", ct);
                        break;
                    case "DATA":
                        await ReplyAsync(stream, "503 5.5.1 MAIL and RCPT first", ct);
                        break;
                    case "RSET":
                        session.MailFrom = null;
                        session.Recipients.Clear();
                        await ReplyAsync(stream, "250 2.0.0 OK", ct);
                        break;
                    case "NOOP":
                        await ReplyAsync(stream, "250 2.0.0 OK", ct);
                        break;
                    case "QUIT":
                        await ReplyAsync(stream, "221 2.0.0 Bye", ct);
                        return;
                    default:
                        await ReplyAsync(stream, "502 5.5.2 Command not implemented", ct);
                        break;
                }
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or IOException or SocketException or ObjectDisposedException)
        {
            // The client went away or the receiver is stopping.
        }
        finally
        {
            await stream.DisposeAsync();
        }
    }

    private string Extensions(bool secure)
    {
        var lines = new List<string> { Name };
        if (tls == SmtpTls.StartTls && !secure)
        {
            lines.Add("STARTTLS");
        }

        if (offerAuth)
        {
            lines.Add("AUTH PLAIN LOGIN");
        }

        lines.Add("HELP");
        return string.Join("\r\n", lines.Select((l, i) => (i == lines.Count - 1 ? "250 " : "250-") + l));
    }

    private async Task<SslStream> SecureAsync(Stream stream, CancellationToken ct)
    {
        var ssl = new SslStream(stream, leaveInnerStreamOpen: false);
        await ssl.AuthenticateAsServerAsync(new SslServerAuthenticationOptions { ServerCertificate = certificate }, ct);
        return ssl;
    }

    private static async Task<(string User, string Password)> AuthenticateAsync(Stream stream, SmtpLineReader lines, string argument, CancellationToken ct)
    {
        var parts = argument.Split(' ', 2);
        switch (parts[0].ToUpperInvariant())
        {
            case "PLAIN":
            {
                var response = parts.Length > 1 ? parts[1] : await ChallengeAsync(stream, lines, "", ct);
                var fields = Encoding.UTF8.GetString(Convert.FromBase64String(response)).Split('\0');
                return (fields[1], fields[2]);
            }

            case "LOGIN":
            {
                var user = parts.Length > 1 ? parts[1] : await ChallengeAsync(stream, lines, "Username:", ct);
                var password = await ChallengeAsync(stream, lines, "Password:", ct);
                return (Decode(user), Decode(password));
            }

            default:
                throw new IOException($"unsupported AUTH {parts[0]}");
        }
    }

    private static async Task<string> ChallengeAsync(Stream stream, SmtpLineReader lines, string prompt, CancellationToken ct)
    {
        await ReplyAsync(stream, "334 " + Convert.ToBase64String(Encoding.ASCII.GetBytes(prompt)), ct);
        var line = await lines.ReadLineAsync(ct) ?? throw new IOException("client left during AUTH");
        return Encoding.ASCII.GetString(line);
    }

    private static string Decode(string base64) => Encoding.UTF8.GetString(Convert.FromBase64String(base64));

    // RFC 5321 4.5.2: a line of the DATA that starts with "." had another "." put before it.
    private static async Task<byte[]> ReadDataAsync(SmtpLineReader lines, CancellationToken ct)
    {
        using var data = new MemoryStream();
        while (await lines.ReadLineAsync(ct) is { } line)
        {
            if (line is [(byte)'.'])
            {
                return data.ToArray();
            }

            var unstuffed = line is [(byte)'.', ..] ? line.AsSpan(1) : line.AsSpan();
            data.Write(unstuffed);
            data.Write("\r\n"u8);
        }

        throw new IOException("client left during DATA");
    }

    private static string Address(string argument)
    {
        var open = argument.IndexOf('<', StringComparison.Ordinal);
        var close = argument.IndexOf('>', StringComparison.Ordinal);
        return open >= 0 && close > open ? argument[(open + 1)..close] : argument;
    }

    private static async Task ReplyAsync(Stream stream, string reply, CancellationToken ct)
    {
        await stream.WriteAsync(Encoding.ASCII.GetBytes(reply + "\r\n"), ct);
        await stream.FlushAsync(ct);
    }
}
