using System.Text;

namespace OkrLinker.Connectors.Parsing;

/// <summary>
/// Builds the plain text of a rich description (Jira's ADF, Azure DevOps' HTML) for <c>WorkItem.Body</c>: blocks on
/// lines of their own, at most one blank line in a row, no trailing spaces, and nothing kept past
/// <see cref="ItemBody.MaxLength"/> so a huge description costs no more than that.
/// </summary>
internal sealed class PlainTextWriter
{
    private readonly StringBuilder text = new();

    /// <summary>True once the cap is reached: the rest of the description can be skipped.</summary>
    public bool Full => text.Length >= ItemBody.MaxLength;

    /// <summary>Appends text as it is (code, preformatted text, a URL).</summary>
    public void Append(string? value)
    {
        if (!Full && !string.IsNullOrEmpty(value))
        {
            text.Append(value);
        }
    }

    /// <summary>Appends text as a browser shows it: every run of white space one space, none at the start of a line.</summary>
    public void AppendFlowing(ReadOnlySpan<char> value)
    {
        foreach (var c in value)
        {
            if (Full)
            {
                return;
            }

            if (char.IsWhiteSpace(c))
            {
                if (text.Length > 0 && text[^1] is not (' ' or '\n'))
                {
                    text.Append(' ');
                }
            }
            else
            {
                text.Append(c);
            }
        }
    }

    /// <summary>Ends the current line, if any text is on it.</summary>
    public void EndLine()
    {
        TrimSpaces();
        if (text.Length > 0 && text[^1] != '\n')
        {
            text.Append('\n');
        }
    }

    /// <summary>A line break as written (<c>&lt;br&gt;</c>, ADF's hardBreak): two in a row leave a blank line.</summary>
    public void Break()
    {
        TrimSpaces();
        if (!Full)
        {
            text.Append('\n');
        }
    }

    /// <summary>The text, trimmed and capped; null when nothing but white space was written.</summary>
    public string? Finish()
    {
        var lines = text.ToString().Split('\n');
        var result = new StringBuilder(text.Length);
        var blank = 0;
        foreach (var line in lines)
        {
            var trimmed = line.TrimEnd();
            if (trimmed.Length == 0)
            {
                blank++;
                continue;
            }

            if (result.Length > 0)
            {
                result.Append(blank > 0 ? "\n\n" : "\n");
            }

            result.Append(trimmed);
            blank = 0;
        }

        return result.Length == 0 ? null : ItemBody.Cap(result.ToString());
    }

    private void TrimSpaces()
    {
        while (text.Length > 0 && text[^1] is (' ' or '\t'))
        {
            text.Length--;
        }
    }
}
