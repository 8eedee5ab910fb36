using System.Collections.Concurrent;
using System.Runtime.ExceptionServices;

namespace OkrLinker.Core.Reports;

/// <summary>
/// Hands what is written to a thread of its own that writes it, in order, to <paramref name="file"/>: the JSON file while
/// the report is serialized, so the kernel's copying of 141 MB into the page cache (a quarter of the output's CPU at a
/// million items) runs on the other core instead of after each chunk the serializer makes. Bytes are copied into a few
/// 256 KB buffers that go round between this thread and the writing one; a writer that falls behind makes this one wait,
/// so at most those buffers are held. The file's bytes are the same whatever the scheduling: one writer, in order.
/// The serializing thread owns the buffer being filled; the writing thread owns <paramref name="file"/> until disposal,
/// which waits for it. <paramref name="file"/> is a <see cref="SoftFailingStream"/>: a write that fails is kept there.
/// </summary>
internal sealed class BackgroundWriteStream : Stream
{
    private const int BufferSize = 256 * 1024;
    private const int Buffers = 4;

    private readonly Stream file;
    private readonly BlockingCollection<byte[]> free = new(Buffers);
    private readonly BlockingCollection<(byte[] Bytes, int Length)> full = new(Buffers);
    private readonly Thread writer;
    private byte[]? filling;
    private int filled;
    private ExceptionDispatchInfo? failure;
    private bool disposed;

    public BackgroundWriteStream(Stream file)
    {
        this.file = file;
        for (var k = 0; k < Buffers; k++)
        {
            free.Add(new byte[BufferSize]);
        }

        writer = new Thread(WriteAll) { IsBackground = true, Name = "report JSON file" };
        writer.Start();
    }

    public override bool CanRead => false;

    public override bool CanSeek => false;

    public override bool CanWrite => true;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        while (!buffer.IsEmpty)
        {
            filling ??= free.Take();
            var take = Math.Min(buffer.Length, BufferSize - filled);
            buffer[..take].CopyTo(filling.AsSpan(filled));
            filled += take;
            buffer = buffer[take..];
            if (filled == BufferSize)
            {
                HandOn();
            }
        }
    }

    // Written by the other thread as it comes; what is held goes when disposed.
    public override void Flush()
    {
    }

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    /// <summary>Hands on what is held, waits for the writing thread to write everything, then disposes the file.</summary>
    protected override void Dispose(bool disposing)
    {
        if (disposing && !disposed)
        {
            disposed = true;
            if (filled > 0)
            {
                HandOn();
            }

            full.CompleteAdding();
            writer.Join();
            file.Dispose();
            free.Dispose();
            full.Dispose();
            failure?.Throw();
        }

        base.Dispose(disposing);
    }

    private void HandOn()
    {
        full.Add((filling!, filled));
        filling = null;
        filled = 0;
    }

    private void WriteAll()
    {
        try
        {
            foreach (var (bytes, length) in full.GetConsumingEnumerable())
            {
                file.Write(bytes, 0, length);
                free.Add(bytes);
            }
        }
        catch (Exception problem)
        {
            // Not an IO failure (the SoftFailingStream keeps those): told when disposed. Keep taking so the
            // serializing thread never waits for a buffer that will not come back.
            failure = ExceptionDispatchInfo.Capture(problem);
            foreach (var (bytes, _) in full.GetConsumingEnumerable())
            {
                free.Add(bytes);
            }
        }
    }
}
