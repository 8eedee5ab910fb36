using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;
using OkrLinker.Connectors.Http;

namespace OkrLinker.Connectors.Jira;

/// <summary>
/// One search request in the flavour's shape (DESIGN.md §6 trap 1): Cloud posts to <c>rest/api/3/search/jql</c>
/// and chains <c>nextPageToken</c>; Data Center posts to <c>rest/api/2/search</c> with <c>startAt</c>. The removed
/// Cloud <c>rest/api/3/search</c> (410) is never called. Both ask for an explicit field list.
/// </summary>
internal sealed class JiraSearch(SourceClient http)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull };

    /// <summary>Issues per page: Jira's largest page when every field is asked for.</summary>
    public const int PageSize = 100;

    /// <summary>Issues per page of Cloud's id-only read: Jira's largest page, given for ids and keys only.</summary>
    public const int IdPageSize = 5000;

    /// <summary>Issues per page of Data Center's id read: its default <c>jira.search.views.default.max</c>.</summary>
    public const int DataCenterIdPageSize = 1000;

    public static string ApiRoot(JiraFlavor flavor) => flavor == JiraFlavor.Cloud ? "rest/api/3/" : "rest/api/2/";

    /// <summary>Reads one page. <paramref name="position"/> is the <c>nextPageToken</c> (Cloud) or the <c>startAt</c> (Data Center).</summary>
    /// <param name="what">Names the scope in error messages.</param>
    public async Task<JiraSearchPage> PageAsync(
        JiraFlavor flavor, JiraIssueParser parser, string jql, IReadOnlyList<string> fields, string? nextPageToken, int startAt, int maxResults, string what,
        CancellationToken cancellationToken)
    {
        object body = flavor == JiraFlavor.Cloud
            ? new CloudSearch(jql, fields, maxResults, nextPageToken)
            : new DataCenterSearch(jql, fields, maxResults, startAt);
        var path = flavor == JiraFlavor.Cloud ? "rest/api/3/search/jql" : "rest/api/2/search";
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(body, body.GetType(), options: Json) };
        using var response = await http.SendAsync(request, what, cancellationToken);
        using var doc = await SourceClient.ReadJsonAsync(response, cancellationToken);
        return parser.ParsePage(doc.RootElement);
    }

    private sealed record CloudSearch(string Jql, IReadOnlyList<string> Fields, int MaxResults, string? NextPageToken);

    private sealed record DataCenterSearch(string Jql, IReadOnlyList<string> Fields, int MaxResults, int StartAt);
}
