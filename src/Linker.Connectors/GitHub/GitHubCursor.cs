using System.Text.Json;

namespace OkrLinker.Connectors.GitHub;

/// <summary>
/// A repo scope's cursor: where the next incremental read starts (<see cref="Since"/>, already
/// moved back by the overlap) and the ETag of the change probe taken when the last complete run began.
/// </summary>
internal sealed record GitHubCursor(DateTimeOffset? Since, string? ProbeEtag)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static GitHubCursor Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return new GitHubCursor(null, null);
        }

        try
        {
            return JsonSerializer.Deserialize<GitHubCursor>(text, Json) ?? new GitHubCursor(null, null);
        }
        catch (JsonException)
        {
            // An unreadable cursor (older format, hand edit) costs one full read, never a wrong skip.
            return new GitHubCursor(null, null);
        }
    }

    public override string ToString() => JsonSerializer.Serialize(this, Json);
}
