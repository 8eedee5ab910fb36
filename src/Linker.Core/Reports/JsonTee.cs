using System.IO.Compression;

namespace OkrLinker.Core.Reports;

/// <summary>
/// Where the report's JSON writer puts its bytes: into the snapshot's gzip and, when there is one, a copy (the JSON
/// file, through a <see cref="SoftFailingStream"/>). Nothing is kept: each write goes on at once.
/// </summary>
internal sealed class JsonTee(GZipStream gzip, Stream? copy) : Stream
{
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
        gzip.Write(buffer);
        copy?.Write(buffer);
        length += buffer.Length;
    }

    public override void Flush()
    {
    }

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();
}
