using System.IO.Compression;
using System.Text.Json;
using System.Threading.Channels;

namespace OkrLinker.Core.Reports;

/// <summary>
/// A report's JSON, serialized once: its UTF-8 bytes in 64 KB chunks (the JSON file) and the same bytes
/// gzip-compressed at the fastest level (the stored snapshot). The compression runs on another thread while the
/// serializer fills the next chunk, so on two cores it costs next to no wall time.
/// </summary>
internal sealed class SerializedReport
{
    private readonly ChunkedBytes json;

    private SerializedReport(ChunkedBytes json, byte[] gzip)
    {
        this.json = json;
        Gzip = gzip;
    }

    /// <summary>The JSON's UTF-8 bytes, gzip-compressed (134 MB of JSON is about 5 MB here at a million items).</summary>
    public byte[] Gzip { get; }

    public long Length => json.Length;

    public static SerializedReport Of(WeeklyReport report, JsonSerializerOptions options)
    {
        var filled = Channel.CreateUnbounded<ReadOnlyMemory<byte>>(new UnboundedChannelOptions { SingleReader = true, SingleWriter = true });
        var compressed = new MemoryStream();
        var compressing = Task.Run(async () =>
        {
            await using var gzip = new GZipStream(compressed, CompressionLevel.Fastest, leaveOpen: true);
            await foreach (var chunk in filled.Reader.ReadAllAsync())
            {
                gzip.Write(chunk.Span);
            }
        });

        var json = new ChunkedBytes(chunk => filled.Writer.TryWrite(chunk));
        try
        {
            // By hand, the serializer's bytes (ReportJsonWriter): no reflection walk, explanations worded into the writer.
            ReportJsonWriter.Write(json, report, options);
            filled.Writer.TryWrite(json.Tail);
            filled.Writer.Complete();
        }
        catch (Exception problem)
        {
            filled.Writer.Complete(problem);
            throw;
        }

        // The serializer is done; what is left is the compressor's last chunks.
        compressing.GetAwaiter().GetResult();
        return new SerializedReport(json, compressed.ToArray());
    }

    /// <summary>The JSON's UTF-8 bytes in one array.</summary>
    public byte[] ToArray() => json.ToArray();

    /// <summary>Writes the JSON's UTF-8 bytes to <paramref name="output"/>, chunk by chunk.</summary>
    public Task WriteJsonAsync(Stream output, CancellationToken cancellationToken) => json.WriteToAsync(output, cancellationToken);
}
