namespace OkrLinker.Fakes;

/// <summary>
/// A route pattern: <c>"*"</c> (everything), <c>"GET /repos/*/issues"</c> or a path alone (any method).
/// <c>*</c> matches any run of characters, slashes included; the match is anchored at both ends and
/// made against the path without the GHES prefix (<c>/api/v3</c>, <c>/api/graphql</c> → <c>/graphql</c>).
/// </summary>
public static class FakeRoute
{
    public static bool Matches(string pattern, string method, string path)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        var trimmed = pattern.Trim();
        if (trimmed == "*")
        {
            return true;
        }

        var space = trimmed.IndexOf(' ', StringComparison.Ordinal);
        if (space > 0)
        {
            var patternMethod = trimmed[..space];
            if (patternMethod != "*" && !string.Equals(patternMethod, method, StringComparison.OrdinalIgnoreCase))
            {
                return false;
            }

            trimmed = trimmed[(space + 1)..].Trim();
        }

        return Glob(trimmed, path);
    }

    private static bool Glob(string pattern, string text)
    {
        var parts = pattern.Split('*');
        if (parts.Length == 1)
        {
            return string.Equals(pattern, text, StringComparison.OrdinalIgnoreCase);
        }

        if (!text.StartsWith(parts[0], StringComparison.OrdinalIgnoreCase)
            || !text.EndsWith(parts[^1], StringComparison.OrdinalIgnoreCase)
            || text.Length < parts[0].Length + parts[^1].Length)
        {
            return false;
        }

        var at = parts[0].Length;
        var end = text.Length - parts[^1].Length;
        for (var i = 1; i < parts.Length - 1; i++)
        {
            var found = text.IndexOf(parts[i], at, end - at, StringComparison.OrdinalIgnoreCase);
            if (found < 0)
            {
                return false;
            }

            at = found + parts[i].Length;
        }

        return true;
    }
}
