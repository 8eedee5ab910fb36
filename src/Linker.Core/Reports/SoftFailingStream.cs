using System.Runtime.ExceptionServices;

namespace OkrLinker.Core.Reports;

/// <summary>
/// Passes writes on to a file until one fails, then drops the rest and keeps the failure: the JSON file's stream while
/// the report is serialized for its snapshot, so a full disk or a folder that cannot be written costs the build no
/// snapshot. The file's writer throws <see cref="Failure"/> once the build is done.
/// </summary>
internal sealed class SoftFailingStream(Stream file) : Stream
{
    private Stream? file = file;

    /// <summary>Why the file stopped taking bytes; null while it has taken every one.</summary>
    public ExceptionDispatchInfo? Failure { get; private set; }

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
        if (file is null)
        {
            return;
        }

        try
        {
            file.Write(buffer);
        }
        catch (Exception problem) when (problem is IOException or UnauthorizedAccessException)
        {
            Fail(problem);
        }
    }

    public override void Flush()
    {
        try
        {
            file?.Flush();
        }
        catch (Exception problem) when (problem is IOException or UnauthorizedAccessException)
        {
            Fail(problem);
        }
    }

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing && file is { } open)
        {
            file = null;
            try
            {
                open.Dispose();
            }
            catch (Exception problem) when (problem is IOException or UnauthorizedAccessException)
            {
                Failure ??= ExceptionDispatchInfo.Capture(problem);
            }
        }

        base.Dispose(disposing);
    }

    private void Fail(Exception problem)
    {
        Failure = ExceptionDispatchInfo.Capture(problem);
        var open = file;
        file = null;
        try
        {
            open?.Dispose();
        }
        catch (Exception again) when (again is IOException or UnauthorizedAccessException)
        {
            // The first failure is the one told.
        }
    }
}
