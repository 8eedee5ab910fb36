using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;

namespace OkrLinker.Core.Reports;

/// <summary>
/// A file's long run of rows (the unlinked items of the HTML and CSV reports: 220,000 rows at a million items) made
/// straight as UTF-8 bytes and written out <see cref="At"/> bytes at a time: the same bytes a <see cref="StreamWriter"/>
/// in UTF-8 would write for the same text, without a <see cref="StringBuilder"/> of chars to encode on the way.
/// Used by one rendering thread only.
/// </summary>
internal sealed class Utf8Rows(Stream output)
{
    public const int At = 64 * 1024;

    private byte[] buffer = new byte[At + (4 * 1024)];
    private int length;

    public void Append(ReadOnlySpan<byte> bytes)
    {
        Room(bytes.Length);
        bytes.CopyTo(buffer.AsSpan(length));
        length += bytes.Length;
    }

    /// <summary>Text as UTF-8 (a lone surrogate as U+FFFD, as the file's <see cref="UTF8Encoding"/> writes it).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Append(ReadOnlySpan<char> text)
    {
        Room(Encoding.UTF8.GetMaxByteCount(text.Length));
        length += Encoding.UTF8.GetBytes(text, buffer.AsSpan(length));
    }

    /// <summary><paramref name="value"/> in <paramref name="format"/>, invariant: what appending it to a builder with that format gives.</summary>
    public void Append(double value, ReadOnlySpan<char> format)
    {
        Room(64);
        int written;
        while (!value.TryFormat(buffer.AsSpan(length), out written, format, CultureInfo.InvariantCulture))
        {
            // "0.##" of 1e300 is 301 digits.
            Room(buffer.Length - length + 1);
        }

        length += written;
    }

    /// <summary>Writes out what is held once it is <see cref="At"/> bytes or more.</summary>
    public void WhenFull()
    {
        if (length >= At)
        {
            Flush();
        }
    }

    public void Flush()
    {
        output.Write(buffer, 0, length);
        length = 0;
    }

    private void Room(int more)
    {
        if (length + more <= buffer.Length)
        {
            return;
        }

        Flush();
        if (more > buffer.Length)
        {
            buffer = new byte[more];
        }
    }
}
