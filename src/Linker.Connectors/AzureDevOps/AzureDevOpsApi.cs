using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using OkrLinker.Connectors.Http;
using OkrLinker.Connectors.Parsing;
using OkrLinker.Core.Sources;

namespace OkrLinker.Connectors.AzureDevOps;

/// <summary>
/// The Azure DevOps REST calls the source makes, relative to the organization or collection URL, with
/// <c>api-version=7.1</c> until a Server refuses it as out of range, then 7.0 for the life of the source.
/// </summary>
internal sealed partial class AzureDevOpsApi(SourceClient http, ILogger logger) : IDisposable
{
    public const string Preferred = "7.1";
    public const string Fallback = "7.0";

    private volatile string apiVersion = Preferred;

    public string ApiVersion => apiVersion;

    public void Dispose() => http.Dispose();

    /// <summary>GET a path (no query string of its own) as JSON.</summary>
    public Task<JsonDocument> GetAsync(string path, string what, CancellationToken cancellationToken) =>
        SendAsync(version => new HttpRequestMessage(HttpMethod.Get, $"{path}?api-version={version}"), what, cancellationToken);

    /// <summary>Runs a flat WIQL query (ids only) in <paramref name="project"/> with time precision; at most <paramref name="top"/> ids.</summary>
    /// <exception cref="HttpRequestException">Among others, a 400 carrying VS402337 when the query matches more than 20,000.</exception>
    public async Task<WiqlResult> QueryAsync(string project, string wiql, int top, CancellationToken cancellationToken)
    {
        using var doc = await SendAsync(
            version => new HttpRequestMessage(HttpMethod.Post, $"{Segment(project)}/_apis/wit/wiql?api-version={version}&timePrecision=true&$top={top.ToString(CultureInfo.InvariantCulture)}")
            {
                Content = JsonContent.Create(new { query = wiql }),
            },
            $"project {project}",
            cancellationToken);
        var root = doc.RootElement;
        var ids = JsonRead.Items(root, "workItems")
            .Select(w => w.TryGetProperty("id", out var id) && id.TryGetInt32(out var value) ? value : (int?)null)
            .OfType<int>()
            .ToList();
        var asOf = JsonRead.Time(root, "asOf") ?? DateTimeOffset.MaxValue;
        return new WiqlResult(ids, asOf);
    }

    /// <summary>
    /// <c>POST _apis/wit/workitemsbatch</c> for at most 200 ids with an explicit field list; deleted or hidden ids
    /// come back as nulls (<c>errorPolicy: omit</c>) and are left out.
    /// </summary>
    public Task<JsonDocument> BatchAsync(IReadOnlyList<int> ids, IReadOnlyList<string> fields, string what, CancellationToken cancellationToken) =>
        SendAsync(
            version => new HttpRequestMessage(HttpMethod.Post, $"_apis/wit/workitemsbatch?api-version={version}")
            {
                Content = JsonContent.Create(new { ids, fields, errorPolicy = "omit" }),
            },
            what,
            cancellationToken);

    /// <summary>The states of a work item type and their categories; empty when the type has none visible (404).</summary>
    public async Task<IReadOnlyList<(string State, string Category)>> StatesAsync(string project, string type, CancellationToken cancellationToken)
    {
        try
        {
            using var doc = await GetAsync($"{Segment(project)}/_apis/wit/workitemtypes/{Segment(type)}/states", $"the states of {type} in {project}", cancellationToken);
            return JsonRead.Items(doc.RootElement, "value")
                .Select(s => (JsonRead.Str(s, "name") ?? "", JsonRead.Str(s, "category") ?? ""))
                .Where(s => s.Item1.Length > 0)
                .ToList();
        }
        catch (SourceException ex) when (!ex.WholeSource)
        {
            LogNoStates(http.SourceName, type, project);
            return [];
        }
    }

    public static string Segment(string name) => Uri.EscapeDataString(name);

    private async Task<JsonDocument> SendAsync(Func<string, HttpRequestMessage> build, string what, CancellationToken cancellationToken)
    {
        while (true)
        {
            var version = apiVersion;
            using var response = await http.SendFollowingAsync(build(version), cancellationToken);
            if (response.StatusCode == HttpStatusCode.BadRequest && version == Preferred
                && await ServesOlderVersionAsync(response, cancellationToken))
            {
                // Azure DevOps Server 2022 serves 7.0 at most.
                apiVersion = Fallback;
                LogFallback(http.SourceName, Preferred, Fallback);
                continue;
            }

            await http.EnsureSuccessAsync(response, what, cancellationToken);
            return await SourceClient.ReadJsonAsync(response, cancellationToken);
        }
    }

    private static async Task<bool> ServesOlderVersionAsync(HttpResponseMessage response, CancellationToken cancellationToken) =>
        RefusesVersion(await response.Content.ReadAsStringAsync(cancellationToken));

    /// <summary>
    /// Whether a 400's body refuses the api-version as too new: Azure DevOps Server names the refusal by type
    /// (VssVersionOutOfRangeException) and in words ("… is out of range for this server").
    /// </summary>
    public static bool RefusesVersion(string body) =>
        body.Contains("VssVersionOutOfRangeException", StringComparison.Ordinal)
        || body.Contains("is out of range for this server", StringComparison.OrdinalIgnoreCase);

    [LoggerMessage(EventId = 7301, Level = LogLevel.Information, Message = "Source '{Source}': the server refuses api-version {Refused}; using {Used}")]
    private partial void LogFallback(string source, string refused, string used);

    [LoggerMessage(EventId = 7302, Level = LogLevel.Warning, Message = "Source '{Source}': no states found for {Type} in {Project}; well-known state names decide its categories")]
    private partial void LogNoStates(string source, string type, string project);
}

/// <summary>The ids a WIQL query returned, in its order, and the time it was evaluated at (<c>asOf</c>).</summary>
internal sealed record WiqlResult(IReadOnlyList<int> Ids, DateTimeOffset AsOf);
