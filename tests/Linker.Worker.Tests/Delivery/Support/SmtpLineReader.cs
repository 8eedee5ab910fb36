namespace OkrLinker.Worker.Tests.Delivery.Support;

/// <summary>Reads CRLF-terminated lines as bytes. A new reader is made after STARTTLS (nothing is buffered then).</summary>
internal sealed class SmtpLineReader(Stream stream)
{
    private readonly byte[] buffer = new byte[8192];
    private int start;
    private int end;

    /// <summary>The next line without its CRLF, or null when the client closed the connection.</summary>
    public async Task<byte[]?> ReadLineAsync(CancellationToken cancellationToken)
    {
        var line = new List<byte>();
        while (true)
        {
            if (start == end)
            {
                end = await stream.ReadAsync(buffer, cancellationToken);
                start = 0;
                if (end == 0)
                {
                    return null;
                }
            }

            var b = buffer[start++];
            if (b == '\n')
            {
                if (line.Count > 0 && line[^1] == '\r')
                {
                    line.RemoveAt(line.Count - 1);
                }

                return [.. line];
            }

            line.Add(b);
        }
    }
}
