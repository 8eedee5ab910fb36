using System.Text.Json;

namespace OkrLinker.Worker.Web.Dashboard;

/// <summary>
/// A window of a UTF-8 JSON stream for <see cref="Utf8JsonReader"/>: it slides on as the reader consumes it and grows
/// only when one value asked for whole does not fit, so a 141 MB report is read through a few hundred kilobytes.
/// Reads the stream synchronously (the caller decompresses bytes already in memory).
/// </summary>
/// <param name="size">The window's starting size; tests make it tiny so that every token crosses a slide.</param>
internal sealed class JsonWindow(Stream stream, CancellationToken cancellationToken, int size = 128 * 1024)
{
    private byte[] buffer = new byte[size];
    private int length;
    private bool final;

    /// <summary>The bytes the current reader reads; a token's indices (<c>TokenStartIndex</c>, <c>BytesConsumed</c>) point into them.</summary>
    public byte[] Buffer => buffer;

    public Utf8JsonReader Start()
    {
        Fill();
        return new Utf8JsonReader(buffer.AsSpan(0, length), final, default);
    }

    /// <summary>Moves <paramref name="reader"/> to the next token, sliding the window when it ends mid-token.</summary>
    public void Read(ref Utf8JsonReader reader)
    {
        while (!reader.Read())
        {
            reader = Slide(reader.CurrentState, reader.BytesConsumed);
        }
    }

    /// <summary>
    /// Moves <paramref name="reader"/> to the next token; when it opens an object or array, the window then holds that value
    /// whole, so the caller reads through it with <see cref="Utf8JsonReader.Read"/> and <see cref="Utf8JsonReader.Skip"/> alone.
    /// </summary>
    public void ReadWhole(ref Utf8JsonReader reader)
    {
        while (true)
        {
            var state = reader.CurrentState;
            var consumed = reader.BytesConsumed;
            if (reader.Read())
            {
                if (reader.TokenType is not (JsonTokenType.StartObject or JsonTokenType.StartArray))
                {
                    return;
                }

                var probe = reader;
                if (probe.TrySkip())
                {
                    return;
                }
            }

            reader = Slide(state, consumed);
        }
    }

    // Drops what the reader consumed, refills behind what is left (twice the room when nothing was consumed) and resumes.
    private Utf8JsonReader Slide(JsonReaderState state, long consumed)
    {
        if (final)
        {
            throw new JsonException("The report JSON ends in the middle of a value.");
        }

        var kept = length - (int)consumed;
        Array.Copy(buffer, (int)consumed, buffer, 0, kept);
        length = kept;
        if (length == buffer.Length)
        {
            Array.Resize(ref buffer, buffer.Length * 2);
        }

        Fill();
        return new Utf8JsonReader(buffer.AsSpan(0, length), final, state);
    }

    private void Fill()
    {
        cancellationToken.ThrowIfCancellationRequested();
        while (length < buffer.Length && !final)
        {
            var read = stream.Read(buffer, length, buffer.Length - length);
            if (read == 0)
            {
                final = true;
            }
            else
            {
                length += read;
            }
        }
    }
}
