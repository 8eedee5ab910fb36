namespace OkrLinker.Core.Linking;

/// <summary>
/// A reused buffer that a sentence is put together in before it is handed to an <see cref="ISentenceSink"/>; one per
/// writing thread, so a report's explanations cost no string each.
/// </summary>
internal sealed class SentenceText
{
    private char[] buffer = new char[256];
    private int length;

    public ReadOnlySpan<char> Span => buffer.AsSpan(0, length);

    public SentenceText Clear()
    {
        length = 0;
        return this;
    }

    public SentenceText Append(string? text) => Append(text.AsSpan());

    public SentenceText Append(ReadOnlySpan<char> text)
    {
        Room(text.Length);
        text.CopyTo(buffer.AsSpan(length));
        length += text.Length;
        return this;
    }

    public SentenceText Append(int value)
    {
        Room(11);
        value.TryFormat(buffer.AsSpan(length), out var written, default, System.Globalization.CultureInfo.InvariantCulture);
        length += written;
        return this;
    }

    /// <summary>The date part of <paramref name="at"/> in UTC, yyyy-MM-dd.</summary>
    public SentenceText AppendDate(DateTimeOffset at)
    {
        Room(32);
        at.UtcDateTime.TryFormat(buffer.AsSpan(length), out var written, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        length += written;
        return this;
    }

    /// <summary>"a", "a and b", "a, b and c".</summary>
    public SentenceText AppendJoinAnd(IReadOnlyList<string> parts)
    {
        for (var k = 0; k < parts.Count; k++)
        {
            if (k > 0)
            {
                Append(k == parts.Count - 1 ? " and " : ", ");
            }

            Append(parts[k]);
        }

        return this;
    }

    private void Room(int more)
    {
        if (length + more > buffer.Length)
        {
            Array.Resize(ref buffer, Math.Max(buffer.Length * 2, length + more));
        }
    }
}
