using System.Buffers.Binary;
using System.Globalization;
using System.Text;

namespace OkrLinker.Worker.Tests.Telemetry;

/// <summary>
/// Reads the spans out of an OTLP <c>ExportTraceServiceRequest</c> in protobuf, from the wire format alone:
/// resource_spans (1) → scope_spans (2) → scope (1, its name 1) and spans (2); a span's trace_id (1), span_id (2),
/// parent_span_id (4), name (5) and attributes (9: key 1, AnyValue 2 with string 1, bool 2, int 3, double 4).
/// Every other field is skipped by its wire type; a malformed message throws.
/// </summary>
public static class OtlpTraceReader
{
    public static IReadOnlyList<OtlpSpan> Read(byte[] message)
    {
        var spans = new List<OtlpSpan>();
        foreach (var resourceSpans in Fields(message, 1))
        {
            foreach (var scopeSpans in Fields(resourceSpans, 2))
            {
                var scope = Fields(scopeSpans, 1).Select(s => Text(Fields(s, 1))).FirstOrDefault() ?? "";
                spans.AddRange(Fields(scopeSpans, 2).Select(span => Span(scope, span)));
            }
        }

        return spans;
    }

    private static OtlpSpan Span(string scope, byte[] span)
    {
        var attributes = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var pair in Fields(span, 9))
        {
            attributes[Text(Fields(pair, 1))] = Fields(pair, 2).Select(Value).FirstOrDefault() ?? "";
        }

        return new OtlpSpan(scope, Text(Fields(span, 5)), Hex(Fields(span, 1)), Hex(Fields(span, 2)), Hex(Fields(span, 4)), attributes);
    }

    private static string Value(byte[] anyValue)
    {
        foreach (var (field, wireType, payload) in Walk(anyValue))
        {
            return (field, wireType) switch
            {
                (1, 2) => Encoding.UTF8.GetString(payload),
                (2, 0) => ReadVarint(payload, 0).Value != 0 ? "true" : "false",
                (3, 0) => ((long)ReadVarint(payload, 0).Value).ToString(CultureInfo.InvariantCulture),
                (4, 1) => BitConverter.Int64BitsToDouble(BinaryPrimitives.ReadInt64LittleEndian(payload)).ToString("R", CultureInfo.InvariantCulture),
                _ => $"(field {field})",
            };
        }

        return "";
    }

    private static string Text(IEnumerable<byte[]> values) => values.Select(v => Encoding.UTF8.GetString(v)).FirstOrDefault() ?? "";

    private static string Hex(IEnumerable<byte[]> values) => values.Select(Convert.ToHexStringLower).FirstOrDefault() ?? "";

    /// <summary>The length-delimited payloads of field <paramref name="number"/>.</summary>
    private static IEnumerable<byte[]> Fields(byte[] message, int number) =>
        Walk(message).Where(f => f.Field == number && f.WireType == 2).Select(f => f.Payload);

    private static List<(int Field, int WireType, byte[] Payload)> Walk(byte[] message)
    {
        var fields = new List<(int, int, byte[])>();
        var at = 0;
        while (at < message.Length)
        {
            var (key, afterKey) = ReadVarint(message, at);
            var field = (int)(key >> 3);
            var wireType = (int)(key & 7);
            at = afterKey;
            switch (wireType)
            {
                case 0:
                    var (_, afterValue) = ReadVarint(message, at);
                    fields.Add((field, wireType, message[at..afterValue]));
                    at = afterValue;
                    break;
                case 1:
                    fields.Add((field, wireType, message[at..(at + 8)]));
                    at += 8;
                    break;
                case 2:
                    var (length, afterLength) = ReadVarint(message, at);
                    var end = checked(afterLength + (int)length);
                    fields.Add((field, wireType, end <= message.Length ? message[afterLength..end] : throw new FormatException("a field runs past the message")));
                    at = end;
                    break;
                case 5:
                    fields.Add((field, wireType, message[at..(at + 4)]));
                    at += 4;
                    break;
                default:
                    throw new FormatException($"wire type {wireType} at byte {at}");
            }
        }

        return fields;
    }

    private static (ulong Value, int Next) ReadVarint(byte[] bytes, int at)
    {
        ulong value = 0;
        for (var shift = 0; shift < 64; shift += 7)
        {
            var b = at < bytes.Length ? bytes[at++] : throw new FormatException("a varint runs past the message");
            value |= (ulong)(b & 0x7f) << shift;
            if ((b & 0x80) == 0)
            {
                return (value, at);
            }
        }

        throw new FormatException("a varint longer than 10 bytes");
    }
}
