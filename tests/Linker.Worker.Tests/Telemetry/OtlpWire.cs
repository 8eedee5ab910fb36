using System.Buffers.Binary;
using System.Globalization;
using System.Text;

namespace OkrLinker.Worker.Tests.Telemetry;

/// <summary>
/// The protobuf wire format, as much of it as the OTLP readers need: no generated code, so the test reads what the
/// exporter really sent. Every field not asked for is skipped by its wire type; a malformed message throws.
/// </summary>
public static class OtlpWire
{
    /// <summary>A repeated OTLP <c>KeyValue</c> field (key 1, AnyValue 2) as a dictionary of texts.</summary>
    public static IReadOnlyDictionary<string, string> Attributes(byte[] message, int number)
    {
        var attributes = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var pair in Fields(message, number))
        {
            attributes[Text(Fields(pair, 1))] = Fields(pair, 2).Select(Value).FirstOrDefault() ?? "";
        }

        return attributes;
    }

    /// <summary>The payload of fixed-width field <paramref name="number"/> (wire type 1) as a double or a signed long.</summary>
    public static double? Fixed64(byte[] message, int number, bool asDouble)
    {
        foreach (var (field, wireType, payload) in Walk(message))
        {
            if (field == number && wireType == 1)
            {
                var bits = BinaryPrimitives.ReadInt64LittleEndian(payload);
                return asDouble ? BitConverter.Int64BitsToDouble(bits) : bits;
            }
        }

        return null;
    }

    /// <summary>The first varint field <paramref name="number"/>.</summary>
    public static long? Varint(byte[] message, int number) =>
        Walk(message).Where(f => f.Field == number && f.WireType == 0).Select(f => (long?)(long)ReadVarint(f.Payload, 0).Value).FirstOrDefault();

    /// <summary>An AnyValue as text: string 1, bool 2, int 3, double 4.</summary>
    public static string Value(byte[] anyValue)
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

    public static string Text(IEnumerable<byte[]> values) => values.Select(v => Encoding.UTF8.GetString(v)).FirstOrDefault() ?? "";

    public static string Hex(IEnumerable<byte[]> values) => values.Select(Convert.ToHexStringLower).FirstOrDefault() ?? "";

    /// <summary>The length-delimited payloads of field <paramref name="number"/>.</summary>
    public static IEnumerable<byte[]> Fields(byte[] message, int number) =>
        Walk(message).Where(f => f.Field == number && f.WireType == 2).Select(f => f.Payload);

    /// <summary>Every field of a message with its wire type and payload, in order.</summary>
    public static List<(int Field, int WireType, byte[] Payload)> Walk(byte[] message)
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
