using System.Buffers;
using System.Text;
using System.Text.Json;
using OkrLinker.Core.Reports;

namespace OkrLinker.Worker.Web.Dashboard;

/// <summary>
/// Reads a stored report JSON into what the dashboard keeps of it, streaming. Everything but <c>unlinkedItems</c> (the
/// headline, teams, objectives and KRs, findings, trend: a few kilobytes) is copied as it stands and read by the report's
/// own deserializer, so those figures are the JSON's by construction; the unlinked items go into <see cref="UnlinkedRows"/>
/// without their <c>link</c> explanations. At a million items the JSON is 141 MB and parsing it whole made ~340 MB of objects.
/// </summary>
internal static class DashboardReportReader
{
    private const int MaxPooledChars = 256;

    private static readonly string[] Names = ["source", "team", "type", "state", "key", "title", "url", "points", "suggestions"];
    private static readonly byte[][] Utf8Names = [.. Names.Select(Encoding.UTF8.GetBytes)];

    /// <param name="window">The stream's window to start with (bytes); it grows when one value needs more.</param>
    public static WeeklyReport Read(Stream json, CancellationToken cancellationToken, int window = 128 * 1024) => Read(new JsonWindow(json, cancellationToken, window));

    private static WeeklyReport Read(JsonWindow window)
    {
        var reader = window.Start();
        window.Read(ref reader);
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException("The report JSON is not an object.");
        }

        var rest = new ArrayBufferWriter<byte>(16 * 1024);
        UnlinkedRows? rows = null;
        using (var writer = new Utf8JsonWriter(rest))
        {
            writer.WriteStartObject();
            while (true)
            {
                window.Read(ref reader);
                if (reader.TokenType == JsonTokenType.EndObject)
                {
                    break;
                }

                var name = reader.GetString()!;
                writer.WritePropertyName(name);
                if (string.Equals(name, "unlinkedItems", StringComparison.OrdinalIgnoreCase))
                {
                    window.Read(ref reader);
                    if (reader.TokenType == JsonTokenType.StartArray)
                    {
                        rows = ReadUnlinked(window, ref reader);
                        writer.WriteStartArray();
                        writer.WriteEndArray();
                        continue;
                    }

                    if (reader.TokenType == JsonTokenType.StartObject)
                    {
                        throw new JsonException("The report's unlinkedItems is an object, not a list.");
                    }

                    // Null or a plain value: the report's deserializer decides, as it would over the whole JSON.
                    rows = null;
                }
                else
                {
                    window.ReadWhole(ref reader);
                }

                writer.WriteRawValue(RawValue(window, ref reader), skipInputValidation: true);
            }

            writer.WriteEndObject();
        }

        var report = JsonSerializer.Deserialize<WeeklyReport>(rest.WrittenSpan, ReportJson.Options)
            ?? throw new JsonException("The report file is empty.");
        return rows is null ? report : report with { UnlinkedItems = rows };
    }

    // The bytes of the value the reader stands on (whole in the window), leaving the reader at its end.
    private static ReadOnlySpan<byte> RawValue(JsonWindow window, ref Utf8JsonReader reader)
    {
        var (start, length) = ValueRange(ref reader);
        return window.Buffer.AsSpan(start, length);
    }

    private static (int Start, int Length) ValueRange(ref Utf8JsonReader reader)
    {
        var start = (int)reader.TokenStartIndex;
        SkipWhole(ref reader);
        return (start, (int)reader.BytesConsumed - start);
    }

    // Skip needs the final block; the window holds this value whole (JsonWindow.ReadWhole), so TrySkip cannot fall short.
    private static void SkipWhole(ref Utf8JsonReader reader)
    {
        if (!reader.TrySkip())
        {
            throw new JsonException("A value of the report JSON did not fit its window.");
        }
    }

    // One pass through each item's tokens (the window slides under it); only a suggestions value is held whole, to keep its bytes.
    private static UnlinkedRows ReadUnlinked(JsonWindow window, ref Utf8JsonReader reader)
    {
        var rows = new UnlinkedRows.Builder();
        Span<int> codes = stackalloc int[4];
        Span<char> chars = stackalloc char[MaxPooledChars];
        while (true)
        {
            window.Read(ref reader);
            if (reader.TokenType == JsonTokenType.EndArray)
            {
                return rows.Build();
            }

            if (reader.TokenType != JsonTokenType.StartObject)
            {
                throw new JsonException($"An unlinked item is {reader.TokenType}, not an object.");
            }

            codes.Fill(-1);
            string? key = null, title = null, url = null;
            double? points = null;
            (int Start, int Length) suggestions = (-1, 0);
            while (true)
            {
                window.Read(ref reader);
                if (reader.TokenType != JsonTokenType.PropertyName)
                {
                    break;
                }

                var property = Property(ref reader);
                if (property == Field.Suggestions)
                {
                    window.ReadWhole(ref reader);
                    var (start, length) = ValueRange(ref reader);
                    suggestions = rows.KeepSuggestions(window.Buffer.AsSpan(start, length));
                    continue;
                }

                window.Read(ref reader);
                switch (property)
                {
                    case Field.Source or Field.Team or Field.Type or Field.State:
                        codes[(int)property] = Code(rows, ref reader, chars);
                        break;
                    case Field.Key:
                        key = reader.GetString();
                        break;
                    case Field.Title:
                        title = reader.GetString();
                        break;
                    case Field.Url:
                        url = reader.GetString();
                        break;
                    case Field.Points:
                        points = JsonSerializer.Deserialize<double?>(ref reader, ReportJson.Options);
                        break;
                    default:
                        Skip(window, ref reader);
                        break;
                }
            }

            rows.Add(codes, key, title, url, points, suggestions);
        }
    }

    // Past the value the reader stands on, sliding the window as it goes (the link explanations: half the JSON, never kept).
    private static void Skip(JsonWindow window, ref Utf8JsonReader reader)
    {
        if (reader.TokenType is not (JsonTokenType.StartObject or JsonTokenType.StartArray))
        {
            return;
        }

        var depth = reader.CurrentDepth;
        do
        {
            window.Read(ref reader);
        }
        while (reader.CurrentDepth > depth || reader.TokenType is not (JsonTokenType.EndObject or JsonTokenType.EndArray));
    }

    // A coded value's id, made from its chars in a stack buffer: only the first of each distinct value becomes a string.
    private static int Code(UnlinkedRows.Builder rows, ref Utf8JsonReader reader, scoped Span<char> chars)
    {
        if (reader.TokenType == JsonTokenType.Null)
        {
            return -1;
        }

        if (reader.TokenType == JsonTokenType.String && reader.ValueSpan.Length <= chars.Length)
        {
            return rows.Id(chars[..reader.CopyString(chars)]);
        }

        return rows.Id(reader.GetString());
    }

    // The property the reader stands on; the report's serializer matches names case-insensitively, and so does this.
    private static Field Property(ref Utf8JsonReader reader)
    {
        for (var f = 0; f < Names.Length; f++)
        {
            if (reader.ValueTextEquals(Utf8Names[f]))
            {
                return (Field)f;
            }
        }

        var name = reader.GetString();
        for (var f = 0; f < Names.Length; f++)
        {
            if (string.Equals(name, Names[f], StringComparison.OrdinalIgnoreCase))
            {
                return (Field)f;
            }
        }

        return Field.Other;
    }

    // The first four are UnlinkedRows.Column's, in its order.
    private enum Field
    {
        Source,
        Team,
        Type,
        State,
        Key,
        Title,
        Url,
        Points,
        Suggestions,
        Other,
    }
}
