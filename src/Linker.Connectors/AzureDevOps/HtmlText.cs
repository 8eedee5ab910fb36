using System.Net;
using System.Text;
using OkrLinker.Connectors.Parsing;

namespace OkrLinker.Connectors.AzureDevOps;

/// <summary>
/// The plain text of an Azure DevOps HTML field (<c>System.Description</c>): tags dropped, entities decoded
/// (<c>&amp;nbsp;</c> a plain space, so <c>Fixes&amp;nbsp;PAY-12</c> still names PAY-12), white space flowing as a browser
/// shows it, block elements and <c>&lt;br&gt;</c> as new lines, <c>&lt;pre&gt;</c> kept as written, script, style and
/// comments left out. A link's URL follows its text when the two differ (<c>&lt;a href="…/pull/12"&gt;the fix&lt;/a&gt;</c>),
/// so a pasted link to another item is seen. A hand-written scanner, not a parser: descriptions are fragments the
/// editor wrote, and a stray <c>&lt;</c> is read as text. Capped at <see cref="ItemBody.MaxLength"/>.
/// </summary>
internal static class HtmlText
{
    private static readonly HashSet<string> Blocks = new(StringComparer.OrdinalIgnoreCase)
    {
        "p", "div", "li", "ul", "ol", "dl", "dt", "dd", "h1", "h2", "h3", "h4", "h5", "h6", "table", "thead", "tbody", "tfoot",
        "tr", "td", "th", "caption", "blockquote", "pre", "hr", "section", "article", "header", "footer", "aside", "nav",
        "main", "figure", "figcaption", "details", "summary", "address", "form", "fieldset", "center",
    };

    private static readonly HashSet<string> Skipped = new(StringComparer.OrdinalIgnoreCase) { "script", "style", "head", "title", "template" };

    /// <summary>The HTML as plain text; null when it is null or holds no text.</summary>
    public static string? Of(string? html)
    {
        if (string.IsNullOrWhiteSpace(html))
        {
            return null;
        }

        var writer = new PlainTextWriter();
        var preformatted = 0;
        string? link = null;
        var written = new StringBuilder();
        var i = 0;
        while (i < html.Length && !writer.Full)
        {
            var open = html.IndexOf('<', i);
            var end = open < 0 ? html.Length : open;
            if (end > i)
            {
                var text = Decode(html[i..end]);
                if (preformatted > 0)
                {
                    writer.Append(text);
                }
                else
                {
                    writer.AppendFlowing(text);
                }

                if (link is not null)
                {
                    written.Append(text);
                }
            }

            if (open < 0)
            {
                break;
            }

            var tag = Tag.Read(html, open);
            if (tag is null)
            {
                // A '<' that opens no tag ("a < b") is text.
                writer.AppendFlowing("<");
                written.Append('<');
                i = open + 1;
                continue;
            }

            if (tag.End < 0)
            {
                writer.AppendFlowing(Decode(html[open..]));
                break;
            }

            i = tag.End;
            if (tag.Comment)
            {
                continue;
            }

            if (Skipped.Contains(tag.Name) && !tag.Closing && !tag.SelfClosing)
            {
                var close = html.IndexOf("</" + tag.Name, i, StringComparison.OrdinalIgnoreCase);
                var closeEnd = close < 0 ? -1 : html.IndexOf('>', close);
                i = closeEnd < 0 ? html.Length : closeEnd + 1;
                continue;
            }

            if (tag.Name.Equals("br", StringComparison.OrdinalIgnoreCase))
            {
                writer.Break();
            }
            else if (tag.Name.Equals("a", StringComparison.OrdinalIgnoreCase))
            {
                if (!tag.Closing && tag.Href is { } href && (href.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || href.StartsWith("https://", StringComparison.OrdinalIgnoreCase)))
                {
                    link = href;
                    written.Clear();
                }
                else if (tag.Closing && link is not null)
                {
                    if (!string.Equals(written.ToString().Trim(), link, StringComparison.Ordinal))
                    {
                        writer.Append($" ({link})");
                    }

                    link = null;
                }
            }
            else if (Blocks.Contains(tag.Name))
            {
                writer.EndLine();
                if (tag.Name.Equals("pre", StringComparison.OrdinalIgnoreCase) && !tag.SelfClosing)
                {
                    preformatted = Math.Max(0, preformatted + (tag.Closing ? -1 : 1));
                }
            }
        }

        return writer.Finish();
    }

    // Entities decoded; a non-breaking space is a space here, or "Fixes&nbsp;PAY-12" would not name PAY-12 as a word.
    private static string Decode(string text) => WebUtility.HtmlDecode(text).Replace('\u00A0', ' ');

    /// <summary>
    /// One tag: its name (lower or upper case as written), whether it closes or closes itself, an <c>href</c>, and the index
    /// after it; -1 for a tag that never closes.
    /// </summary>
    private sealed record Tag(string Name, bool Closing, bool SelfClosing, bool Comment, string? Href, int End)
    {
        public static Tag? Read(string html, int open)
        {
            if (string.CompareOrdinal(html, open, "<!--", 0, 4) == 0)
            {
                var close = html.IndexOf("-->", open + 4, StringComparison.Ordinal);
                return new Tag("", false, false, true, null, close < 0 ? html.Length : close + 3);
            }

            var at = open + 1;
            var closing = at < html.Length && html[at] == '/';
            if (closing)
            {
                at++;
            }

            if (at < html.Length && html[at] == '!')
            {
                // <!DOCTYPE …> and the like.
                var gt = html.IndexOf('>', at);
                return new Tag("", false, false, true, null, gt < 0 ? html.Length : gt + 1);
            }

            var nameStart = at;
            while (at < html.Length && (char.IsAsciiLetterOrDigit(html[at]) || html[at] is ':' or '-'))
            {
                at++;
            }

            if (at == nameStart || !char.IsAsciiLetter(html[nameStart]))
            {
                return null;
            }

            var name = html[nameStart..at];
            string? href = null;
            var attributesStart = at;

            // Up to the '>' that is not inside a quoted attribute value.
            char quote = '\0';
            while (at < html.Length && (quote != '\0' || html[at] != '>'))
            {
                if (quote == '\0' && html[at] is '"' or '\'')
                {
                    quote = html[at];
                }
                else if (quote != '\0' && html[at] == quote)
                {
                    quote = '\0';
                }

                at++;
            }

            if (at >= html.Length)
            {
                // Never closed ("c<d" at the end, an unbalanced quote): the rest is text, read once, not re-scanned for every '<'.
                return new Tag("", false, false, false, null, -1);
            }

            var attributes = html[attributesStart..at];
            var selfClosing = attributes.EndsWith('/');
            if (!closing && name.Equals("a", StringComparison.OrdinalIgnoreCase))
            {
                href = Attribute(attributes, "href");
            }

            return new Tag(name, closing, selfClosing, false, href, at + 1);
        }

        private static string? Attribute(string attributes, string name)
        {
            var at = 0;
            while ((at = attributes.IndexOf(name, at, StringComparison.OrdinalIgnoreCase)) >= 0)
            {
                var before = at == 0 ? ' ' : attributes[at - 1];
                var after = at + name.Length;
                while (after < attributes.Length && attributes[after] == ' ')
                {
                    after++;
                }

                if (char.IsWhiteSpace(before) && after < attributes.Length && attributes[after] == '=')
                {
                    after++;
                    while (after < attributes.Length && attributes[after] == ' ')
                    {
                        after++;
                    }

                    if (after < attributes.Length && attributes[after] is '"' or '\'')
                    {
                        var quote = attributes[after];
                        var close = attributes.IndexOf(quote, after + 1);
                        return WebUtility.HtmlDecode(close < 0 ? attributes[(after + 1)..] : attributes[(after + 1)..close]);
                    }

                    var stop = after;
                    while (stop < attributes.Length && !char.IsWhiteSpace(attributes[stop]) && attributes[stop] != '>')
                    {
                        stop++;
                    }

                    return WebUtility.HtmlDecode(attributes[after..stop]);
                }

                at = after;
            }

            return null;
        }
    }
}
