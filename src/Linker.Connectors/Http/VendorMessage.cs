using System.Text.Json;

namespace OkrLinker.Connectors.Http;

/// <summary>
/// The one line a tracker's error body says, for messages a user reads: GitHub and Azure DevOps write
/// <c>{"message": …}</c>; Jira writes <c>{"errorMessages": […], "errors": {field: …}}</c>.
/// </summary>
internal static class VendorMessage
{
    private const int LongestDetail = 200;

    /// <summary>The body's message on one line, cut to 200 characters; null for an empty, HTML or unknown body.</summary>
    public static string? Read(string? body)
    {
        if (string.IsNullOrWhiteSpace(body))
        {
            return null;
        }

        try
        {
            using var json = JsonDocument.Parse(body);
            var root = json.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return null;
            }

            if (root.TryGetProperty("message", out var message) && message.ValueKind == JsonValueKind.String)
            {
                return OneLine(message.GetString());
            }

            var parts = new List<string?>();
            if (root.TryGetProperty("errorMessages", out var messages) && messages.ValueKind == JsonValueKind.Array)
            {
                parts.AddRange(messages.EnumerateArray().Where(m => m.ValueKind == JsonValueKind.String).Select(m => m.GetString()));
            }

            if (root.TryGetProperty("errors", out var errors) && errors.ValueKind == JsonValueKind.Object)
            {
                parts.AddRange(errors.EnumerateObject().Where(e => e.Value.ValueKind == JsonValueKind.String).Select(e => $"{e.Name}: {e.Value.GetString()}"));
            }

            return OneLine(string.Join(" ", parts.Where(p => !string.IsNullOrWhiteSpace(p))));
        }
        catch (JsonException)
        {
            // An HTML error page says nothing a user can act on.
            return null;
        }
    }

    /// <summary>The message of <paramref name="response"/>'s body (see <see cref="Read(string?)"/>).</summary>
    public static async Task<string?> ReadAsync(HttpResponseMessage response, CancellationToken cancellationToken) =>
        Read(await response.Content.ReadAsStringAsync(cancellationToken));

    private static string? OneLine(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var line = string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        return line.Length <= LongestDetail ? line : line[..LongestDetail] + "…";
    }
}
