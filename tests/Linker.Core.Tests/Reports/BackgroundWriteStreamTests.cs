using OkrLinker.Core.Reports;

namespace OkrLinker.Core.Tests.Reports;

/// <summary>The JSON file's writes on a thread of their own: every byte, in order, and a failing file fails only the file.</summary>
public sealed class BackgroundWriteStreamTests
{
    [Fact]
    public void Writes_every_byte_in_the_order_written_once_disposed()
    {
        // 1.3 MB in pieces of 1 to 70,000 bytes: across the 256 KB buffers, more of them than go round.
        var expected = new byte[1_300_000];
        new Random(11).NextBytes(expected);
        var file = new MemoryStream();
        var random = new Random(12);

        using (var stream = new BackgroundWriteStream(file))
        {
            for (var at = 0; at < expected.Length;)
            {
                var take = Math.Min(random.Next(1, 70_000), expected.Length - at);
                stream.Write(expected, at, take);
                at += take;
            }
        }

        Assert.Equal(expected, file.ToArray());
    }

    [Fact]
    public void A_file_that_fails_keeps_its_failure_and_takes_the_rest_without_waiting()
    {
        var file = new SoftFailingStream(new FailingStream());

        using (var stream = new BackgroundWriteStream(file))
        {
            // Twelve times the buffers that go round: the writer must keep taking them after the failure.
            for (var k = 0; k < 48; k++)
            {
                stream.Write(new byte[256 * 1024]);
            }
        }

        Assert.IsType<IOException>(file.Failure?.SourceException);
    }

    private sealed class FailingStream : MemoryStream
    {
        public override void Write(byte[] buffer, int offset, int count) => throw new IOException("disk full");

        public override void Write(ReadOnlySpan<byte> buffer) => throw new IOException("disk full");
    }
}
