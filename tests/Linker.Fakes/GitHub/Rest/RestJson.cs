using System.Buffers;
using System.Globalization;
using System.Text.Json;

namespace OkrLinker.Fakes.GitHub.Rest;

/// <summary>Small helpers for writing GitHub's REST JSON.</summary>
internal static class RestJson
{
    public static byte[] Write(Action<Utf8JsonWriter> write)
    {
        var buffer = new ArrayBufferWriter<byte>(4096);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            write(writer);
        }

        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>GitHub's timestamp format: <c>2022-07-19T04:39:16Z</c>.</summary>
    public static string Time(DateTimeOffset time) =>
        time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    public static void TimeOrNull(Utf8JsonWriter writer, string name, DateTimeOffset? time)
    {
        if (time is { } value)
        {
            writer.WriteString(name, Time(value));
        }
        else
        {
            writer.WriteNull(name);
        }
    }

    /// <summary><c>{"message": ..., "documentation_url": ...}</c>, GitHub's error body.</summary>
    public static byte[] Error(string message, string documentationUrl) => Write(writer =>
    {
        writer.WriteStartObject();
        writer.WriteString("message", message);
        writer.WriteString("documentation_url", documentationUrl);
        writer.WriteEndObject();
    });
}
