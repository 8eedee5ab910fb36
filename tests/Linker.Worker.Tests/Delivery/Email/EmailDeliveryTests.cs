using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using OkrLinker.Core.Configuration;
using OkrLinker.Core.Reports;
using OkrLinker.Fakes.Logging;
using OkrLinker.Worker.Delivery;
using OkrLinker.Worker.Delivery.Email;
using OkrLinker.Worker.Tests.Delivery.Support;

namespace OkrLinker.Worker.Tests.Delivery.Email;

public sealed class EmailDeliveryTests
{
    private const string Subject = "OKR line-of-sight 2026-W47: 1 KR off track · 28.8% of work serves no OKR";

    [Fact]
    public async Task Mail_reaches_both_recipients_with_the_markdown_and_a_pre_fallback_without_an_html_renderer()
    {
        await using var smtp = SmtpReceiver.Start();
        using var host = DeliveryHost.Create([Entry(smtp.Port, "None")]);

        var results = await host.Runner.DeliverAsync(DeliverySamples.Report(), CancellationToken.None);

        Assert.Equal([new DeliveryResult(0, "email", true, 1, null)], results);
        Assert.Equal(["MAIL FROM:<okr-bot@acme.example>", "RCPT TO:<lead@acme.example>", "RCPT TO:<pm@acme.example>", "DATA", "QUIT"], smtp.Transcript.Skip(1));
        Assert.StartsWith("EHLO ", smtp.Transcript[0], StringComparison.Ordinal);

        var mail = Assert.Single(smtp.Mails);
        Assert.Equal("okr-bot@acme.example", mail.MailFrom);
        Assert.Equal(["lead@acme.example", "pm@acme.example"], mail.Recipients);
        Assert.False(mail.Tls);
        Assert.Null(mail.User);

        using var message = MimeMessage.Load(new MemoryStream(mail.Data));
        Assert.Equal(Subject, message.Subject);
        var from = Assert.IsType<MailboxAddress>(Assert.Single(message.From));
        Assert.Equal(("OKR Linker", "okr-bot@acme.example"), (from.Name, from.Address));
        Assert.Equal(["lead@acme.example", "pm@acme.example"], message.To.Mailboxes.Select(m => m.Address));
        Assert.Equal(new DateTimeOffset(2026, 11, 23, 7, 0, 0, TimeSpan.Zero), message.Date);

        var alternative = Assert.IsType<MultipartAlternative>(message.Body);
        Assert.Equal(["text/plain", "text/html"], alternative.Select(p => p.ContentType.MimeType));
        Assert.StartsWith(
            "1 KR off track:\n- O2-KR1 Halve checkout p95 latency from 800 ms to 400 ms — 800ms → 790ms → 400ms · progress 2.5% vs 57.6% expected\n\n# OKR line-of-sight — 2026-W47\n",
            message.TextBody,
            StringComparison.Ordinal);
        Assert.Contains("**28.8% of this week's work serves no OKR** (36 of 125 items; 30% of 400 points).", message.TextBody, StringComparison.Ordinal);

        // The fallback is the same Markdown, HTML-encoded inside <pre>: the renderer's own &lt; becomes &amp;lt;.
        Assert.Contains("<pre", message.HtmlBody, StringComparison.Ordinal);
        Assert.Contains("**28.8% of this week&#39;s work serves no OKR**", message.HtmlBody, StringComparison.Ordinal);
        Assert.Contains("&amp;lt;script&amp;gt;alert(1)&amp;lt;/script&amp;gt;", message.HtmlBody, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>", message.HtmlBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_html_renderer_makes_the_html_part_and_a_line_starting_with_a_dot_survives_smtp()
    {
        await using var smtp = SmtpReceiver.Start();
        using var host = DeliveryHost.Create([Entry(smtp.Port, "None")], s => s.AddSingleton<IReportRenderer, FakeHtmlRenderer>());

        var results = await host.Runner.DeliverAsync(DeliverySamples.Report(), CancellationToken.None);

        Assert.True(results.Single().Succeeded);
        var mail = Assert.Single(smtp.Mails);
        using var message = MimeMessage.Load(new MemoryStream(mail.Data));
        // The KRs off track go first, right inside <body>; the rendered report follows unchanged.
        var rendered = FakeHtmlRenderer.Html(DeliverySamples.Report());
        var body = rendered.IndexOf("<body>", StringComparison.Ordinal) + "<body>".Length;
        Assert.Equal(
            rendered.Insert(body, "\n<section class=\"off-track\" style=\"border-left: 4px solid #b91c1c; padding: 4px 12px; margin: 12px\">"
                + "<h2 style=\"color: #b91c1c\">1 KR off track</h2><ul><li><strong>O2-KR1</strong> Halve checkout p95 latency from 800 ms to 400 ms"
                + " — 800ms → 790ms → 400ms &#183; progress 2.5% vs 57.6% expected</li></ul></section>\n"),
            message.HtmlBody);

        // MailKit sent "..unlinked"; the receiver took one dot off again.
        Assert.Contains("\r\n.unlinked { color: #b00 }\r\n", System.Text.Encoding.ASCII.GetString(mail.Data), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Credentials_come_from_the_environment_and_stay_out_of_the_logs()
    {
        await using var smtp = SmtpReceiver.Start(offerAuth: true);
        using var user = new ScopedVariable("okr-bot");
        using var password = new ScopedVariable("s3cret-Pa55-" + Guid.NewGuid().ToString("N"));
        var entry = Entry(smtp.Port, "None");
        entry.UserEnv = user.Name;
        entry.PasswordEnv = password.Name;
        using var host = DeliveryHost.Create([entry]);

        var results = await host.Runner.DeliverAsync(DeliverySamples.Report(), CancellationToken.None);

        Assert.Equal([new DeliveryResult(0, "email", true, 1, null)], results);
        var mail = Assert.Single(smtp.Mails);
        Assert.Equal(("okr-bot", Environment.GetEnvironmentVariable(password.Name)), (mail.User, mail.Password));
        Assert.Contains(smtp.Transcript, l => l.StartsWith("AUTH ", StringComparison.Ordinal));
        Assert.DoesNotContain(Environment.GetEnvironmentVariable(password.Name)!, host.Logs.All(), StringComparison.Ordinal);
        Assert.Contains($"mailed through 127.0.0.1:{smtp.Port} (None) to 2 recipient(s)", host.Logs.All(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task StartTls_is_issued_when_configured_and_the_mail_travels_encrypted()
    {
        using var certificate = TestCertificate.Create();
        await using var smtp = SmtpReceiver.Start(SmtpTls.StartTls, certificate: certificate);
        using var host = DeliveryHost.Create([Entry(smtp.Port, "StartTls")], s => s.AddSingleton(Trusting(certificate)));

        var results = await host.Runner.DeliverAsync(DeliverySamples.Report(), CancellationToken.None);

        Assert.Equal([new DeliveryResult(0, "email", true, 1, null)], results);
        Assert.Equal(
            ["EHLO", "STARTTLS", "EHLO", "MAIL FROM:<okr-bot@acme.example>", "RCPT TO:<lead@acme.example>", "RCPT TO:<pm@acme.example>", "DATA", "QUIT"],
            smtp.Transcript.Select(l => l.StartsWith("EHLO ", StringComparison.Ordinal) ? "EHLO" : l));
        var mail = Assert.Single(smtp.Mails);
        Assert.True(mail.Tls);
        using var message = MimeMessage.Load(new MemoryStream(mail.Data));
        Assert.Equal(Subject, message.Subject);
    }

    [Fact]
    public async Task SslOnConnect_speaks_tls_from_the_first_byte()
    {
        using var certificate = TestCertificate.Create();
        await using var smtp = SmtpReceiver.Start(SmtpTls.Implicit, certificate: certificate);
        using var host = DeliveryHost.Create([Entry(smtp.Port, "SslOnConnect")], s => s.AddSingleton(Trusting(certificate)));

        var results = await host.Runner.DeliverAsync(DeliverySamples.Report(), CancellationToken.None);

        Assert.Equal([new DeliveryResult(0, "email", true, 1, null)], results);
        Assert.DoesNotContain("STARTTLS", smtp.Transcript);
        Assert.True(Assert.Single(smtp.Mails).Tls);
    }

    [Fact]
    public async Task StartTls_required_but_not_offered_fails_at_once_and_sends_nothing()
    {
        await using var smtp = SmtpReceiver.Start(SmtpTls.None);
        using var host = DeliveryHost.Create([Entry(smtp.Port, "StartTls")]);

        var result = Assert.Single(await host.Runner.DeliverAsync(DeliverySamples.Report(), CancellationToken.None));

        Assert.False(result.Succeeded);
        Assert.Equal(1, result.Attempts);
        Assert.StartsWith($"Report:Deliver:0 (email): SMTP 127.0.0.1:{smtp.Port}: ", result.Error, StringComparison.Ordinal);
        Assert.Contains("STARTTLS", result.Error, StringComparison.Ordinal);
        Assert.Empty(smtp.Mails);
        Assert.DoesNotContain(smtp.Transcript, l => l.StartsWith("MAIL", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_unset_password_variable_fails_naming_its_key_without_connecting()
    {
        await using var smtp = SmtpReceiver.Start(offerAuth: true);
        using var user = new ScopedVariable("okr-bot");
        using var password = new ScopedVariable(null);
        var entry = Entry(smtp.Port, "None");
        entry.UserEnv = user.Name;
        entry.PasswordEnv = password.Name;
        using var host = DeliveryHost.Create([entry]);

        var results = await host.Runner.DeliverAsync(DeliverySamples.Report(), CancellationToken.None);

        Assert.Equal(
            [new DeliveryResult(0, "email", false, 1, $"Report:Deliver:0:PasswordEnv (email): the environment variable {password.Name} (PasswordEnv) is not set")],
            results);
        Assert.Empty(smtp.Transcript);
    }

    private static DeliveryOptions Entry(int port, string security) => new()
    {
        Kind = "email",
        Host = "127.0.0.1",
        Port = port,
        Security = security,
        From = "OKR Linker <okr-bot@acme.example>",
        To = ["lead@acme.example", "Pat PM <pm@acme.example>"],
        Attempts = 2,
    };

    // The test seam: production leaves the callback null and trusts the system's store.
    private static SmtpClientFactory Trusting(System.Security.Cryptography.X509Certificates.X509Certificate2 certificate) => new()
    {
        CertificateValidation = (_, presented, _, _) => presented is not null && presented.GetCertHashString() == certificate.GetCertHashString(),
    };
}
