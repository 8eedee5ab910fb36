using System.Text.Json;
using OkrLinker.Core.Sources;

namespace OkrLinker.Connectors.GitHub;

/// <summary>
/// Reads a Projects (v2) field of every item of a project, 100 items a request. The query is checked
/// against GitHub's published schema in the tests (DESIGN.md §6).
/// </summary>
internal static class GitHubProjectQuery
{
    public const string Text = """
        query ProjectKeyResults($owner: String!, $number: Int!, $field: String!, $after: String) {
          OWNER_KIND(login: $owner) {
            projectV2(number: $number) {
              items(first: 100, after: $after) {
                pageInfo { hasNextPage endCursor }
                nodes {
                  content {
                    __typename
                    ... on Issue { fullDatabaseId number repository { nameWithOwner } }
                    ... on PullRequest { fullDatabaseId number repository { nameWithOwner } }
                  }
                  fieldValueByName(name: $field) {
                    __typename
                    ... on ProjectV2ItemFieldTextValue { text }
                    ... on ProjectV2ItemFieldSingleSelectValue { name }
                  }
                }
              }
            }
          }
        }
        """;

    /// <summary>The query for a project owned by an organization, or by a user.</summary>
    public static string For(bool organization) => Text.Replace("OWNER_KIND", organization ? "organization" : "user", StringComparison.Ordinal);

    public static object Variables(string owner, int number, string field, string? after) =>
        new { owner, number, field, after };

    /// <summary>The page's KR values by item id, and where the next page starts (null at the end).</summary>
    /// <returns>Null project when the owner has no such project (or is not of that owner kind).</returns>
    public static (IReadOnlyList<KrFieldValue> Values, string? After, bool Found) ReadPage(JsonElement root, bool organization)
    {
        var owner = root.GetProperty("data").GetProperty(organization ? "organization" : "user");
        if (owner.ValueKind != JsonValueKind.Object
            || !owner.TryGetProperty("projectV2", out var project) || project.ValueKind != JsonValueKind.Object)
        {
            return ([], null, false);
        }

        var items = project.GetProperty("items");
        var values = new List<KrFieldValue>();
        foreach (var node in items.GetProperty("nodes").EnumerateArray())
        {
            if (!node.TryGetProperty("content", out var content) || content.ValueKind != JsonValueKind.Object
                || !content.TryGetProperty("fullDatabaseId", out var id) || id.ValueKind is JsonValueKind.Null or JsonValueKind.Undefined)
            {
                continue; // draft issues and items we may not see carry no id to link
            }

            var value = node.TryGetProperty("fieldValueByName", out var field) && field.ValueKind == JsonValueKind.Object
                ? (field.TryGetProperty("text", out var text) ? text.GetString() : field.TryGetProperty("name", out var name) ? name.GetString() : null)
                : null;
            values.Add(new KrFieldValue(id.ValueKind == JsonValueKind.Number ? id.GetRawText() : id.GetString()!, string.IsNullOrWhiteSpace(value) ? [] : [value.Trim()]));
        }

        var pageInfo = items.GetProperty("pageInfo");
        var after = pageInfo.GetProperty("hasNextPage").GetBoolean() ? pageInfo.GetProperty("endCursor").GetString() : null;
        return (values, after, true);
    }
}
