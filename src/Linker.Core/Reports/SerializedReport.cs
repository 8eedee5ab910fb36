using System.IO.Compression;
using System.Text.Json;

namespace OkrLinker.Core.Reports;

/// <summary>
/// A report's JSON, serialized once: its UTF-8 bytes gzip-compressed at the fastest level (the stored snapshot, about
/// 6 MB for the 141 MB of a million-item week) and, when a file is given, written to it as they are made. The JSON
/// itself is never held: 141 MB of fresh memory cost more (the kernel faults in and zeroes every page) than compressing
/// (0.07 s) or decompressing it (0.1 s) again. Compressed on the serializing thread: with the other formats rendered
/// on the other core, a thread of its own would only take turns with them.
/// </summary>
internal sealed class SerializedReport
{
    private SerializedReport(byte[] gzip, long length)
    {
        Gzip = gzip;
        Length = length;
    }

    /// <summary>The JSON's UTF-8 bytes, gzip-compressed.</summary>
    public byte[] Gzip { get; }

    /// <summary>How many bytes of JSON <see cref="Gzip"/> holds.</summary>
    public long Length { get; }

    /// <param name="copy">Also gets the JSON's bytes as they are made (the JSON file).</param>
    public static SerializedReport Of(WeeklyReport report, JsonSerializerOptions options, Stream? copy = null)
    {
        using var compressed = new ChunkedBytes();
        long length;
        using (var gzip = new GZipStream(compressed, CompressionLevel.Fastest, leaveOpen: true))
        using (var tee = new JsonTee(gzip, copy))
        {
            // By hand, the serializer's bytes (ReportJsonWriter): no reflection walk, explanations worded into the writer.
            ReportJsonWriter.Write(tee, report, options);
            length = tee.Length;
        }

        return new SerializedReport(compressed.ToArray(), length);
    }

    /// <summary>The JSON's UTF-8 bytes in one array.</summary>
    public byte[] ToArray()
    {
        var bytes = GC.AllocateUninitializedArray<byte>(checked((int)Length));
        using var json = Unzip();
        json.ReadExactly(bytes);
        return bytes;
    }

    /// <summary>Writes the JSON's UTF-8 bytes to <paramref name="output"/>, decompressed as they go.</summary>
    public async Task WriteJsonAsync(Stream output, CancellationToken cancellationToken)
    {
        await using var json = Unzip();
        await json.CopyToAsync(output, 64 * 1024, cancellationToken);
    }

    /// <summary>As <see cref="WriteJsonAsync"/>, on this thread.</summary>
    public void WriteJson(Stream output)
    {
        using var json = Unzip();
        json.CopyTo(output, 64 * 1024);
    }

    private GZipStream Unzip() => new(new MemoryStream(Gzip, writable: false), CompressionMode.Decompress);
}
