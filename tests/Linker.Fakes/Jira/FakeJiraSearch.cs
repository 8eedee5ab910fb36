using System.Collections.Concurrent;
using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json.Nodes;

namespace OkrLinker.Fakes.Jira;

/// <summary>
/// Jira's issue search over the fake's data: Cloud's <c>search/jql</c> with opaque <c>nextPageToken</c>s (each
/// chain reads the ordered ids matched by its first page), Data Center's <c>search</c> with <c>startAt</c> (the
/// query runs again for every page, as Jira does). Issues updated within the search lag are not found yet.
/// </summary>
internal sealed class FakeJiraSearch(FakeJiraData data, FakeJiraOptions options, FakeJiraJson json)
{
    private const int CloudPageLimit = 100;
    private const int CloudIdPageLimit = 5000;
    private const int DataCenterPageLimit = 1000;

    private readonly ConcurrentDictionary<string, Chain> chains = new(StringComparer.Ordinal);

    /// <summary>Every JQL searched, in order.</summary>
    public ConcurrentQueue<string> Queries { get; } = new();

    public JsonObject Cloud(string jql, IReadOnlyCollection<string> fields, int? maxResults, string? nextPageToken)
    {
        Queries.Enqueue(jql);
        var onlyIds = fields.All(f => f is "id" or "key");
        var size = Math.Clamp(maxResults ?? 50, 1, onlyIds ? CloudIdPageLimit : CloudPageLimit);
        Chain chain;
        if (nextPageToken is null)
        {
            chain = new Chain(jql, Match(jql).Select(i => i.Id).ToList(), 0);
        }
        else if (!chains.TryGetValue(nextPageToken, out chain!) || chain.Jql != jql)
        {
            throw new FakeJqlException("The provided next page token is invalid or expired.");
        }

        var ids = chain.Ids.Skip(chain.Offset).Take(size).ToList();
        var answer = new JsonObject
        {
            ["issues"] = new JsonArray([.. ids.Select(data.Find).OfType<FakeJiraIssue>().Select(i => (JsonNode)json.Issue(i, fields))]),
        };
        var next = chain.Offset + ids.Count;
        if (next < chain.Ids.Count)
        {
            var token = Convert.ToBase64String(RandomNumberGenerator.GetBytes(24)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
            chains[token] = chain with { Offset = next };
            answer["nextPageToken"] = token;
            answer["isLast"] = false;
        }
        else
        {
            answer["isLast"] = true;
        }

        return answer;
    }

    public JsonObject DataCenter(string jql, IReadOnlyCollection<string> fields, int? startAt, int? maxResults)
    {
        Queries.Enqueue(jql);
        var all = Match(jql);
        var from = Math.Max(0, startAt ?? 0);
        var size = Math.Clamp(maxResults ?? 50, 0, DataCenterPageLimit);
        var shown = fields.Count == 0 ? ["*navigable"] : fields;
        return new JsonObject
        {
            ["expand"] = "schema,names",
            ["startAt"] = from,
            ["maxResults"] = size,
            ["total"] = all.Count,
            ["issues"] = new JsonArray([.. all.Skip(from).Take(size).Select(i => (JsonNode)json.Issue(i, shown))]),
        };
    }

    private List<FakeJiraIssue> Match(string jql)
    {
        var query = FakeJql.Parse(jql, options.ProfileZone, data.Projects);
        var indexedUntil = options.Clock.GetUtcNow() - options.SearchLag;
        return [.. data.Issues.Where(i => i.Updated <= indexedUntil || options.SearchLag <= TimeSpan.Zero).Where(query.Matches).Order(query.Order)];
    }

    /// <summary>Reads Jira's <c>fields</c>: a JSON array or a comma-separated string.</summary>
    public static IReadOnlyCollection<string> FieldList(JsonNode? node) => node switch
    {
        JsonArray array => [.. array.Select(f => f?.GetValue<string>()).OfType<string>()],
        JsonValue value when value.TryGetValue<string>(out var text) => FieldList(text),
        _ => [],
    };

    public static IReadOnlyCollection<string> FieldList(string? text) =>
        string.IsNullOrWhiteSpace(text) ? [] : text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    public static int? Int(JsonNode? node) => node is JsonValue v && v.TryGetValue<int>(out var n) ? n
        : node is JsonValue s && s.TryGetValue<string>(out var t) && int.TryParse(t, NumberStyles.Integer, CultureInfo.InvariantCulture, out var m) ? m : null;

    private sealed record Chain(string Jql, IReadOnlyList<long> Ids, int Offset);
}
