namespace OkrLinker.Core.Suggestions;

/// <summary>
/// The words of a title or body the text signal compares: runs of letters and digits, lower-cased, at least
/// two characters with at least one letter (<c>3DS</c> is a word, <c>12</c> is not), common English words left out.
/// </summary>
internal static class TextTokens
{
    public const int MaxLength = 32;

    private static readonly HashSet<string> StopWords = new(
        [
            "a", "all", "an", "and", "are", "as", "at", "be", "but", "by", "can", "do", "for", "from", "has", "have", "if", "in",
            "into", "is", "it", "its", "not", "of", "off", "on", "or", "our", "out", "per", "so", "that", "the", "this", "to",
            "up", "via", "was", "we", "when", "will", "with", "you",
        ],
        StringComparer.Ordinal);

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> StopLookup = StopWords.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>
    /// The next word of <paramref name="text"/> from <paramref name="position"/>, lower-cased into
    /// <paramref name="buffer"/> (at least <see cref="MaxLength"/> long); false at the end.
    /// </summary>
    /// <param name="start">Where the word starts in <paramref name="text"/>.</param>
    /// <param name="length">Its length in <paramref name="text"/> and in <paramref name="buffer"/>.</param>
    public static bool Next(ReadOnlySpan<char> text, ref int position, Span<char> buffer, out int start, out int length)
    {
        while (position < text.Length)
        {
            while (position < text.Length && !char.IsLetterOrDigit(text[position]))
            {
                position++;
            }

            start = position;
            var letters = false;
            while (position < text.Length && char.IsLetterOrDigit(text[position]))
            {
                letters |= char.IsLetter(text[position]);
                position++;
            }

            length = position - start;
            if (length < 2 || length > MaxLength || !letters)
            {
                continue;
            }

            for (var i = 0; i < length; i++)
            {
                buffer[i] = char.ToLowerInvariant(text[start + i]);
            }

            if (!StopLookup.Contains(buffer[..length]))
            {
                return true;
            }
        }

        start = position;
        length = 0;
        return false;
    }
}
