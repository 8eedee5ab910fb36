namespace OkrLinker.Fakes.AzureDevOps.Wiql;

internal enum WiqlTokenKind
{
    Word,
    Field,
    String,
    Number,
    Macro,
    Symbol,
    End,
}

internal sealed record WiqlToken(WiqlTokenKind Kind, string Text)
{
    public bool Is(string word) =>
        Kind is WiqlTokenKind.Word or WiqlTokenKind.Symbol && string.Equals(Text, word, StringComparison.OrdinalIgnoreCase);

    public static List<WiqlToken> Read(string text)
    {
        var tokens = new List<WiqlToken>();
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (char.IsWhiteSpace(c))
            {
                i++;
            }
            else if (c == '[')
            {
                var end = text.IndexOf(']', i);
                if (end < 0)
                {
                    throw new WiqlException("TF51006: The query statement is missing a closing bracket.");
                }

                tokens.Add(new(WiqlTokenKind.Field, text[(i + 1)..end].Trim()));
                i = end + 1;
            }
            else if (c is '\'' or '"')
            {
                var value = new System.Text.StringBuilder();
                i++;
                while (true)
                {
                    if (i >= text.Length)
                    {
                        throw new WiqlException("TF51006: The query statement has an unterminated string.");
                    }

                    if (text[i] == c && i + 1 < text.Length && text[i + 1] == c)
                    {
                        value.Append(c);
                        i += 2;
                    }
                    else if (text[i] == c)
                    {
                        i++;
                        break;
                    }
                    else
                    {
                        value.Append(text[i++]);
                    }
                }

                tokens.Add(new(WiqlTokenKind.String, value.ToString()));
            }
            else if (char.IsAsciiDigit(c) || (c == '-' && i + 1 < text.Length && char.IsAsciiDigit(text[i + 1]) && tokens.LastOrDefault()?.Kind is not WiqlTokenKind.Number and not WiqlTokenKind.Macro))
            {
                var start = i++;
                while (i < text.Length && (char.IsAsciiDigit(text[i]) || text[i] == '.'))
                {
                    i++;
                }

                tokens.Add(new(WiqlTokenKind.Number, text[start..i]));
            }
            else if (c == '@')
            {
                var start = i++;
                while (i < text.Length && char.IsAsciiLetterOrDigit(text[i]))
                {
                    i++;
                }

                tokens.Add(new(WiqlTokenKind.Macro, text[start..i]));
            }
            else if (char.IsAsciiLetter(c))
            {
                var start = i;
                while (i < text.Length && (char.IsAsciiLetterOrDigit(text[i]) || text[i] is '.' or '_'))
                {
                    i++;
                }

                tokens.Add(new(WiqlTokenKind.Word, text[start..i]));
            }
            else
            {
                var two = i + 1 < text.Length ? text.Substring(i, 2) : "";
                if (two is "<>" or "<=" or ">=" or "!=")
                {
                    tokens.Add(new(WiqlTokenKind.Symbol, two));
                    i += 2;
                }
                else if (c is '=' or '<' or '>' or '(' or ')' or ',' or '-' or '+')
                {
                    tokens.Add(new(WiqlTokenKind.Symbol, c.ToString()));
                    i++;
                }
                else
                {
                    throw new WiqlException($"TF51006: The query statement contains an unexpected character «{c}».");
                }
            }
        }

        tokens.Add(new(WiqlTokenKind.End, ""));
        return tokens;
    }
}
