namespace OkrLinker.Core.Reports;

/// <summary>
/// A write-only stream that keeps what is written in 64 KB chunks, below the large object heap, and
/// gives it back as one array of exactly its length (a report's gzip, about 6 MB at a million items).
/// A buffer doubled as it grows would leave a trail of large arrays twice its size, each counting
/// towards a full collection of a heap that holds a million linked items.
/// </summary>
internal sealed class ChunkedBytes : Stream
{
    private const int ChunkSize = 64 * 1024;

    private readonly List<byte[]> chunks = [];
    private int used = ChunkSize;
    private long length;

    public override bool CanRead => false;

    public override bool CanSeek => false;

    public override bool CanWrite => true;

    public override long Length => length;

    public override long Position
    {
        get => length;
        set => throw new NotSupportedException();
    }

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        while (!buffer.IsEmpty)
        {
            if (used == ChunkSize)
            {
                chunks.Add(new byte[ChunkSize]);
                used = 0;
            }

            var take = Math.Min(buffer.Length, ChunkSize - used);
            buffer[..take].CopyTo(chunks[^1].AsSpan(used));
            used += take;
            length += take;
            buffer = buffer[take..];
        }
    }

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
    {
        Write(buffer.AsSpan(offset, count));
        return Task.CompletedTask;
    }

    public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        Write(buffer.Span);
        return ValueTask.CompletedTask;
    }

    public override void Flush()
    {
    }

    /// <summary>Everything written, in one array of exactly <see cref="Length"/> bytes.</summary>
    public byte[] ToArray()
    {
        var bytes = GC.AllocateUninitializedArray<byte>(checked((int)length));
        var at = 0;
        foreach (var chunk in chunks)
        {
            var take = (int)Math.Min(ChunkSize, length - at);
            chunk.AsSpan(0, take).CopyTo(bytes.AsSpan(at));
            at += take;
        }

        return bytes;
    }

    protected override void Dispose(bool disposing)
    {
        chunks.Clear();
        base.Dispose(disposing);
    }

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();
}
