namespace OkrLinker.Connectors.Parsing;

/// <summary>
/// The one limit on <c>WorkItem.Body</c>, whatever the tracker: the store's Body column has no length of its own, and a
/// pasted log or generated table in one description must not grow every row, every re-sync and the suggestions' index.
/// </summary>
internal static class ItemBody
{
    /// <summary>
    /// 65,536 characters: GitHub's own limit on an issue or pull request body, so a GitHub body is never cut, and far
    /// more than the references and words at the start of a description that linking and suggestions use.
    /// </summary>
    public const int MaxLength = 65_536;

    /// <summary>The text cut to <see cref="MaxLength"/> (never between the halves of a surrogate pair); null stays null.</summary>
    public static string? Cap(string? text)
    {
        if (text is null || text.Length <= MaxLength)
        {
            return text;
        }

        var cut = char.IsHighSurrogate(text[MaxLength - 1]) ? MaxLength - 1 : MaxLength;
        return text[..cut];
    }
}
