using System.Net;
using MimeKit;
using OkrLinker.Core.Configuration;
using OkrLinker.Core.Reports;

namespace OkrLinker.Worker.Delivery.Email;

/// <summary>
/// The report as a mail: the Markdown report as text/plain beside the HTML report as text/html
/// (multipart/alternative). Without an html renderer the HTML part is the Markdown in a &lt;pre&gt;.
/// </summary>
internal sealed class ReportMail(ReportText text)
{
    public async Task<MimeMessage> BuildAsync(WeeklyReport report, DeliveryOptions options, CancellationToken cancellationToken)
    {
        var markdown = await text.RenderAsync(report, "md", cancellationToken)
            ?? throw new DeliveryException("no Markdown renderer (md) is registered for the mail's text part");
        var html = await text.RenderAsync(report, "html", cancellationToken) ?? PreFallback(report, markdown);

        var message = new MimeMessage();
        message.From.Add(MailboxAddress.Parse(options.From ?? throw new DeliveryException("missing; the sender's address", "From")));
        foreach (var to in options.To)
        {
            message.To.Add(MailboxAddress.Parse(to));
        }

        message.Subject = ReportDigest.Subject(report);
        message.Date = report.GeneratedAt;
        message.Body = new BodyBuilder { TextBody = markdown, HtmlBody = html }.ToMessageBody();
        return message;
    }

    private static string PreFallback(WeeklyReport report, string markdown) =>
        $"""
        <!DOCTYPE html>
        <html><head><meta charset="utf-8"><title>{WebUtility.HtmlEncode(ReportDigest.Title(report))}</title></head>
        <body><pre style="font-family: ui-monospace, monospace; white-space: pre-wrap">{WebUtility.HtmlEncode(markdown)}</pre></body></html>
        """;
}
