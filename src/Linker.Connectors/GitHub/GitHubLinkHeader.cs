namespace OkrLinker.Connectors.GitHub;

/// <summary>
/// Reads GitHub's <c>Link</c> header (RFC 8288): <c>&lt;url&gt;; rel="next", &lt;url&gt;; rel="last"</c>.
/// Pages are followed by these links, never by counting (DESIGN.md §6, trap 7).
/// </summary>
public static class GitHubLinkHeader
{
    /// <summary>rel → absolute URL, rel matched case-insensitively; empty for a null, empty or malformed header.</summary>
    public static IReadOnlyDictionary<string, Uri> Parse(string? linkHeader)
    {
        var links = new Dictionary<string, Uri>(StringComparer.OrdinalIgnoreCase);
        if (string.IsNullOrWhiteSpace(linkHeader))
        {
            return links;
        }

        foreach (var part in SplitLinks(linkHeader))
        {
            var open = part.IndexOf('<', StringComparison.Ordinal);
            var close = part.IndexOf('>', StringComparison.Ordinal);
            if (open < 0 || close < open
                || !Uri.TryCreate(part[(open + 1)..close].Trim(), UriKind.Absolute, out var url))
            {
                continue;
            }

            foreach (var parameter in part[(close + 1)..].Split(';'))
            {
                var pair = parameter.Split('=', 2);
                if (pair.Length == 2 && string.Equals(pair[0].Trim(), "rel", StringComparison.OrdinalIgnoreCase))
                {
                    // rel may name several relations at once: rel="next last".
                    foreach (var rel in pair[1].Trim().Trim('"').Split(' ', StringSplitOptions.RemoveEmptyEntries))
                    {
                        links.TryAdd(rel, url);
                    }
                }
            }
        }

        return links;
    }

    /// <summary>The <c>rel="next"</c> URL, or null on the last page.</summary>
    public static Uri? Next(string? linkHeader) => Parse(linkHeader).GetValueOrDefault("next");

    /// <summary>The <c>rel="last"</c> URL, or null when absent (GitHub omits it on the last page).</summary>
    public static Uri? Last(string? linkHeader) => Parse(linkHeader).GetValueOrDefault("last");

    /// <summary>The <c>page</c> parameter of a link (<c>…&amp;page=100</c>), or null when it has none.</summary>
    public static int? PageOf(Uri? link)
    {
        foreach (var pair in (link?.Query ?? "").TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var parts = pair.Split('=', 2);
            if (parts.Length == 2 && string.Equals(parts[0], "page", StringComparison.Ordinal)
                && int.TryParse(parts[1], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var page))
            {
                return page;
            }
        }

        return null;
    }

    /// <summary><paramref name="link"/> with its <c>page</c> parameter set to <paramref name="page"/>, every other parameter kept.</summary>
    public static Uri WithPage(Uri link, int page)
    {
        ArgumentNullException.ThrowIfNull(link);
        var kept = link.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Where(pair => !pair.StartsWith("page=", StringComparison.Ordinal));
        var query = string.Join('&', kept.Append("page=" + page.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        return new UriBuilder(link) { Query = query }.Uri;
    }

    // A comma separates links, but a URL may hold a comma too: split only outside <...>.
    private static IEnumerable<string> SplitLinks(string header)
    {
        var start = 0;
        var inUrl = false;
        for (var i = 0; i < header.Length; i++)
        {
            switch (header[i])
            {
                case '<':
                    inUrl = true;
                    break;
                case '>':
                    inUrl = false;
                    break;
                case ',' when !inUrl:
                    yield return header[start..i];
                    start = i + 1;
                    break;
            }
        }

        yield return header[start..];
    }
}
