using System.Net;
using MimeKit;
using OkrLinker.Core.Configuration;
using OkrLinker.Core.Reports;

namespace OkrLinker.Worker.Delivery.Email;

/// <summary>
/// The report as a mail: the Markdown report as text/plain beside the HTML report as text/html
/// (multipart/alternative), both led by the KRs off track. Without an html renderer the HTML part is the
/// Markdown in a &lt;pre&gt;.
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
        message.Body = new BodyBuilder { TextBody = OffTrackText(report) + markdown, HtmlBody = WithOffTrackFirst(report, html) }.ToMessageBody();
        return message;
    }

    // The mail leads with the KRs off track, before the report itself.
    private static string OffTrackText(WeeklyReport report)
    {
        var krs = ReportDigest.OffTrack(report);
        return krs.Count == 0
            ? ""
            : $"{ReportDigest.OffTrackCount(krs.Count)}:\n" + string.Concat(krs.Select(kr => $"- {kr.Id} {ReportDigest.OneLine(kr.Title)} — {ReportDigest.KrFigures(kr)}\n")) + "\n";
    }

    private static string WithOffTrackFirst(WeeklyReport report, string html)
    {
        var krs = ReportDigest.OffTrack(report);
        var body = html.IndexOf("<body>", StringComparison.Ordinal);
        if (krs.Count == 0 || body < 0)
        {
            return html;
        }

        var section = "<section class=\"off-track\" style=\"border-left: 4px solid #b91c1c; padding: 4px 12px; margin: 12px\">"
            + $"<h2 style=\"color: #b91c1c\">{WebUtility.HtmlEncode(ReportDigest.OffTrackCount(krs.Count))}</h2><ul>"
            + string.Concat(krs.Select(kr => $"<li><strong>{WebUtility.HtmlEncode(kr.Id)}</strong> {WebUtility.HtmlEncode(ReportDigest.OneLine(kr.Title))} — {WebUtility.HtmlEncode(ReportDigest.KrFigures(kr))}</li>"))
            + "</ul></section>\n";
        return html.Insert(body + "<body>".Length, "\n" + section);
    }

    private static string PreFallback(WeeklyReport report, string markdown) =>
        $"""
        <!DOCTYPE html>
        <html><head><meta charset="utf-8"><title>{WebUtility.HtmlEncode(ReportDigest.Title(report))}</title></head>
        <body><pre style="font-family: ui-monospace, monospace; white-space: pre-wrap">{WebUtility.HtmlEncode(markdown)}</pre></body></html>
        """;
}
