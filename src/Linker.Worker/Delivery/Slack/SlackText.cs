using System.Text;

namespace OkrLinker.Worker.Delivery.Slack;

/// <summary>
/// Slack mrkdwn treats <c>&amp;</c>, <c>&lt;</c> and <c>&gt;</c> as control characters (links, mentions such as
/// <c>&lt;!channel&gt;</c>), so tracker text escapes them; that is the whole of Slack's escaping.
/// </summary>
internal static class SlackText
{
    public static string Escape(string text)
    {
        var sb = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            sb.Append(c switch
            {
                '&' => "&amp;",
                '<' => "&lt;",
                '>' => "&gt;",
                _ => c.ToString(),
            });
        }

        return sb.ToString();
    }

    /// <summary><c>&lt;url|label&gt;</c>; the URL may not carry the characters that end or split the link.</summary>
    public static string Link(Uri url, string label) => $"<{LinkTarget(url)}|{Escape(label)}>";

    private static string LinkTarget(Uri url) =>
        url.AbsoluteUri
            .Replace("&", "&amp;", StringComparison.Ordinal)
            .Replace("<", "%3C", StringComparison.Ordinal)
            .Replace(">", "%3E", StringComparison.Ordinal)
            .Replace("|", "%7C", StringComparison.Ordinal);
}
