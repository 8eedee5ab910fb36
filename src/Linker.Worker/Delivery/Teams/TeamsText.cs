using System.Text;

namespace OkrLinker.Worker.Delivery.Teams;

/// <summary>
/// Adaptive Card text blocks read a Markdown subset; tracker text gets a backslash before every
/// character that could open emphasis, a link or an HTML-looking tag, so a title shows as written.
/// </summary>
internal static class TeamsText
{
    private const string Special = "\\`*_[]()<>#~!|";

    public static string Escape(string text)
    {
        var sb = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (Special.Contains(c, StringComparison.Ordinal))
            {
                sb.Append('\\');
            }

            sb.Append(c);
        }

        return sb.ToString();
    }

    /// <summary><c>[label](url)</c>; a URL carries no space or parenthesis that would end it early.</summary>
    public static string Link(Uri url, string label) =>
        $"[{Escape(label)}]({url.AbsoluteUri.Replace("(", "%28", StringComparison.Ordinal).Replace(")", "%29", StringComparison.Ordinal).Replace(" ", "%20", StringComparison.Ordinal)})";
}
