using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using OkrLinker.Fakes.AzureDevOps.Wiql;

namespace OkrLinker.Fakes.AzureDevOps.Server;

/// <summary>
/// The Azure DevOps REST routes the fake serves, over <see cref="FakeAzureDevOpsData"/>: connectionData, projects,
/// WIQL (20,000 cap, day precision unless <c>timePrecision=true</c>), workitemsbatch (200 ids at most, explicit
/// fields), work item types and their states, the recycle bin and single work items. Auth and api-version are
/// checked before any route.
/// </summary>
internal sealed class AdoRoutes(FakeAzureDevOpsData data, FakeAzureDevOpsOptions options, string token)
{
    public const int WiqlCap = 20_000;
    public const int BatchLimit = 200;

    private const string SignInPage =
        "<!DOCTYPE html><html><head><title>Azure DevOps Services | Sign In</title></head>"
        + "<body><form action=\"https://login.microsoftonline.com/\">Sign in to continue to Azure DevOps</form></body></html>";

    public AdoAnswer Answer(string method, IReadOnlyList<string> segments, IReadOnlyDictionary<string, string> query, string? authorization, string body, string collectionUrl, string? contentType = null)
    {
        if (segments.Count < 2 || !string.Equals(segments[0], data.Organization, StringComparison.OrdinalIgnoreCase))
        {
            return new AdoAnswer(404, AdoJson.Error($"TF400898: The collection or organization '{(segments.Count > 0 ? segments[0] : "")}' was not found.", "CollectionDoesNotExistException"), "other");
        }

        var kind = KindOf(method, segments);
        if (!Authenticated(authorization))
        {
            return options.BadTokenAnswer == HttpStatusCode.NonAuthoritativeInformation
                ? new AdoAnswer(203, null, kind) { Html = SignInPage }
                : new AdoAnswer(401, null, kind) { Html = "<html><head><title>Access Denied</title></head><body>Access Denied: The Personal Access Token used has expired or is invalid.</body></html>" };
        }

        if (!ApiVersionOk(query, out var refusal))
        {
            return refusal! with { Kind = kind };
        }

        if (!options.TokenCanReadWorkItems && segments.Contains("wit", StringComparer.OrdinalIgnoreCase))
        {
            return new AdoAnswer(401, AdoJson.Error("TF400813: The user 'okr-linker-bot@acme.com' is not authorized to access this resource.", "UnauthorizedRequestException"), kind);
        }

        try
        {
            return kind switch
            {
                "connectionData" => new AdoAnswer(200, ConnectionData(), kind),
                "projects" => new AdoAnswer(200, AdoJson.List(data.Projects.Select(p => (JsonNode)AdoJson.Project(p, collectionUrl))), kind),
                "project" => ProjectOrMissing(segments[3], kind, p => AdoJson.Project(p, collectionUrl)),
                "wiql" => Wiql(segments, query, body, collectionUrl),
                "batch" => Batch(body, collectionUrl),
                "types" => ProjectOrMissing(segments[1], kind, p => AdoJson.List(p.Process.Types.Keys.Select(t => (JsonNode)new JsonObject { ["name"] = t, ["referenceName"] = "Microsoft.VSTS.WorkItemTypes." + t.Replace(" ", "", StringComparison.Ordinal) }))),
                "states" => States(segments[1], Uri.UnescapeDataString(segments[5])),
                "recyclebin" => ProjectOrMissing(segments[1], kind, p => AdoJson.List(data.RecycleBin().Where(d => d.Item.Project == p.Name).Select(d => (JsonNode)new JsonObject
                {
                    ["id"] = d.Item.Id,
                    ["url"] = $"{collectionUrl}{p.Name}/_apis/wit/recycleBin/{d.Item.Id}",
                }))),
                "workitem" when method == "PATCH" => Patch(segments[^1], body, contentType, collectionUrl),
                "workitem" => WorkItem(segments[^1], collectionUrl),
                _ => new AdoAnswer(404, AdoJson.Error($"VS800006: The fake has no route for {method} /{string.Join('/', segments)}.", "RouteNotFoundException"), kind),
            };
        }
        catch (WiqlException bad)
        {
            return new AdoAnswer(400, AdoJson.Error(bad.Message, "WorkItemTrackingQueryException"), kind);
        }
        catch (JsonException bad)
        {
            return new AdoAnswer(400, AdoJson.Error($"VS403329: The request body is not valid JSON: {bad.Message}", "VssRequestContentException"), kind);
        }
    }

    public static string KindOf(string method, IReadOnlyList<string> s)
    {
        var path = string.Join('/', s.Skip(1)).ToUpperInvariant();
        return path switch
        {
            "_APIS/CONNECTIONDATA" => "connectionData",
            "_APIS/PROJECTS" => "projects",
            _ when s.Count == 4 && path.StartsWith("_APIS/PROJECTS/", StringComparison.Ordinal) => "project",
            _ when path.EndsWith("_APIS/WIT/WIQL", StringComparison.Ordinal) && method == "POST" => "wiql",
            _ when path.EndsWith("_APIS/WIT/WORKITEMSBATCH", StringComparison.Ordinal) && method == "POST" => "batch",
            _ when s.Count == 5 && path.EndsWith("/_APIS/WIT/WORKITEMTYPES", StringComparison.Ordinal) => "types",
            _ when s.Count == 7 && s[2] == "_apis" && s[4].Equals("workitemtypes", StringComparison.OrdinalIgnoreCase) && s[6].Equals("states", StringComparison.OrdinalIgnoreCase) => "states",
            _ when s.Count == 5 && path.EndsWith("/_APIS/WIT/RECYCLEBIN", StringComparison.Ordinal) => "recyclebin",
            _ when s.Count >= 5 && s[^2].Equals("workitems", StringComparison.OrdinalIgnoreCase) && s[^1].All(char.IsAsciiDigit) => "workitem",
            _ => "other",
        };
    }

    private bool Authenticated(string? authorization)
    {
        if (authorization is null || !authorization.StartsWith("Basic ", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        try
        {
            var decoded = System.Text.Encoding.UTF8.GetString(Convert.FromBase64String(authorization["Basic ".Length..].Trim()));
            var colon = decoded.IndexOf(':', StringComparison.Ordinal);
            return colon >= 0 && decoded[(colon + 1)..] == token;
        }
        catch (FormatException)
        {
            return false;
        }
    }

    private bool ApiVersionOk(IReadOnlyDictionary<string, string> query, out AdoAnswer? refusal)
    {
        refusal = null;
        if (!query.TryGetValue("api-version", out var asked) || string.IsNullOrWhiteSpace(asked))
        {
            refusal = new AdoAnswer(400, AdoJson.Error(
                "VS800035: No api-version was supplied for the request. The version must be supplied either as part of the Accept header (e.g. \"application/json; api-version=1.0\") or as a query parameter (e.g. '?api-version=1.0').",
                "VssInvalidApiVersionException"), "other");
            return false;
        }

        var number = asked.Split('-')[0];
        if (!decimal.TryParse(number, NumberStyles.Number, CultureInfo.InvariantCulture, out var version)
            || version > decimal.Parse(options.MaxApiVersion, CultureInfo.InvariantCulture))
        {
            refusal = new AdoAnswer(400, AdoJson.Error(
                $"VS800071: The requested REST API version of {asked} is out of range for this server. The latest REST API version for this server is '{options.MaxApiVersion}'.",
                "VssVersionOutOfRangeException"), "other");
            return false;
        }

        return true;
    }

    private static JsonObject ConnectionData() => new()
    {
        ["authenticatedUser"] = new JsonObject { ["id"] = "4e0c3a7b-1f0e-4a5e-9a54-0d8c2d1f7a11", ["providerDisplayName"] = "OKR Linker Bot", ["isActive"] = true },
        ["authorizedUser"] = new JsonObject { ["id"] = "4e0c3a7b-1f0e-4a5e-9a54-0d8c2d1f7a11", ["providerDisplayName"] = "OKR Linker Bot", ["isActive"] = true },
        ["instanceId"] = "b3c0c3a0-5d3e-4b8e-8b7c-6f0a2b1c9d00",
        ["deploymentType"] = "hosted",
    };

    private AdoAnswer ProjectOrMissing(string name, string kind, Func<FakeAdoProject, JsonNode> answer)
    {
        var project = data.Project(Uri.UnescapeDataString(name));
        return project is null
            ? new AdoAnswer(404, AdoJson.Error(
                $"TF200016: The following project does not exist: {Uri.UnescapeDataString(name)}. Verify that the name of the project is correct and that the project exists on the specified Azure DevOps Server.",
                "ProjectDoesNotExistWithNameException"), kind)
            : new AdoAnswer(200, answer(project), kind);
    }

    private AdoAnswer States(string projectName, string type)
    {
        var project = data.Project(Uri.UnescapeDataString(projectName));
        if (project is null)
        {
            return ProjectOrMissing(projectName, "states", _ => new JsonObject());
        }

        return project.Process.Types.ContainsKey(type)
            ? new AdoAnswer(200, AdoJson.List(project.Process.StatesOf(type).Select(s => (JsonNode)new JsonObject { ["name"] = s.Name, ["color"] = "b2b2b2", ["category"] = s.Category })), "states")
            : new AdoAnswer(404, AdoJson.Error($"TF201077: Work item type {type} does not exist in project {project.Name}.", "WorkItemTypeNotFoundException"), "states");
    }

    private AdoAnswer Wiql(IReadOnlyList<string> segments, IReadOnlyDictionary<string, string> query, string body, string collectionUrl)
    {
        string? project = null;
        if (segments.Count >= 5)
        {
            project = data.Project(Uri.UnescapeDataString(segments[1]))?.Name;
            if (project is null)
            {
                return ProjectOrMissing(segments[1], "wiql", _ => new JsonObject());
            }
        }

        var text = JsonNode.Parse(body)?["query"]?.GetValue<string>() ?? throw new WiqlException("VS402336: The query text is missing.");
        var timePrecision = query.TryGetValue("timePrecision", out var tp) && bool.TryParse(tp, out var yes) && yes;
        int? top = query.TryGetValue("$top", out var t) && int.TryParse(t, CultureInfo.InvariantCulture, out var n) ? n : null;
        var asOf = data.Latest;
        var wiql = WiqlQuery.Parse(text, project, timePrecision, asOf);
        var matches = wiql.Run(data.Snapshot()).ToList();
        if (matches.Count > WiqlCap && (top is null || top > WiqlCap || options.CapCountsBeforeTop))
        {
            return new AdoAnswer(400, AdoJson.Error(
                $"VS402337: The number of work items returned exceeds the size limit of {WiqlCap}. Change the query to return fewer items.",
                "WorkItemTrackingQueryResultSizeLimitExceededException"), "wiql") { Wiql = text };
        }

        var shown = top is { } limit ? matches.Take(limit).ToList() : matches;
        var answer = new JsonObject
        {
            ["queryType"] = "flat",
            ["queryResultType"] = "workItem",
            ["asOf"] = AdoJson.Date(asOf),
            ["columns"] = new JsonArray([.. wiql.Columns.Select(c => (JsonNode)new JsonObject { ["referenceName"] = c, ["name"] = c, ["url"] = $"{collectionUrl}_apis/wit/fields/{c}" })]),
            ["sortColumns"] = new JsonArray([.. wiql.OrderBy.Select(o => (JsonNode)new JsonObject
            {
                ["field"] = new JsonObject { ["referenceName"] = o.Field, ["name"] = o.Field, ["url"] = $"{collectionUrl}_apis/wit/fields/{o.Field}" },
                ["descending"] = o.Descending,
            })]),
            ["workItems"] = new JsonArray([.. shown.Select(i => (JsonNode)new JsonObject { ["id"] = i.Id, ["url"] = $"{collectionUrl}_apis/wit/workItems/{i.Id}" })]),
        };
        return new AdoAnswer(200, answer, "wiql") { Wiql = text, Count = shown.Count };
    }

    private AdoAnswer Batch(string body, string collectionUrl)
    {
        var request = JsonNode.Parse(body) as JsonObject ?? throw new JsonException("an object is expected");
        var ids = (request["ids"] as JsonArray)?.Select(i => i!.GetValue<int>()).ToList() ?? [];
        if (ids.Count == 0)
        {
            return new AdoAnswer(400, AdoJson.Error("VS403475: The ids of the work items to read are missing.", "VssPropertyValidationException"), "batch");
        }

        if (ids.Count > BatchLimit)
        {
            return new AdoAnswer(400, AdoJson.Error(
                $"VS403474: The number of work items requested ({ids.Count}) exceeds the limit of {BatchLimit}.", "VssPropertyValidationException"), "batch") { Count = ids.Count };
        }

        var fields = (request["fields"] as JsonArray)?.Select(f => f!.GetValue<string>()).ToList();
        if (fields?.FirstOrDefault(f => !WiqlFields.IsReferenceName(f)) is { } unknown)
        {
            return new AdoAnswer(400, AdoJson.Error($"TF51535: Cannot find field {unknown}.", "WorkItemTrackingFieldDefinitionNotFoundException"), "batch") { Count = ids.Count };
        }

        var omit = string.Equals(request["errorPolicy"]?.GetValue<string>(), "omit", StringComparison.OrdinalIgnoreCase);
        var values = new List<JsonNode?>();
        foreach (var id in ids)
        {
            var item = data.Find(id);
            if (item is null && !omit)
            {
                return new AdoAnswer(404, AdoJson.Error($"VS402323: Work item {id} does not exist, or you do not have permissions to read it.", "WorkItemUnauthorizedAccessException"), "batch") { Count = ids.Count };
            }

            values.Add(item is null ? null : AdoJson.Item(item, collectionUrl, fields));
        }

        return new AdoAnswer(200, AdoJson.List(values), "batch") { Count = ids.Count };
    }

    private AdoAnswer WorkItem(string idText, string collectionUrl)
    {
        var id = int.Parse(idText, CultureInfo.InvariantCulture);
        return data.Find(id) is { } item
            ? new AdoAnswer(200, AdoJson.Item(item, collectionUrl, null), "workitem")
            : new AdoAnswer(404, AdoJson.Error($"VS402323: Work item {id} does not exist, or you do not have permissions to read it.", "WorkItemUnauthorizedAccessException"), "workitem");
    }

    // PATCH _apis/wit/workitems/{id}: a JSON Patch document; "test" ops on /rev (412 when stale, as Azure DevOps
    // answers a save over someone else's) and add/replace/remove on /fields/System.Tags; the item saves as one revision.
    private AdoAnswer Patch(string idText, string body, string? contentType, string collectionUrl)
    {
        if (contentType is null || !contentType.StartsWith("application/json-patch+json", StringComparison.OrdinalIgnoreCase))
        {
            return new AdoAnswer(415, AdoJson.Error(
                $"VS403360: The request indicated a Content-Type of \"{contentType}\" for method type \"PATCH\" which is not supported. Valid content types for this method are: application/json-patch+json.",
                "VssRequestContentTypeNotSupportedException"), "workitem");
        }

        var id = int.Parse(idText, CultureInfo.InvariantCulture);
        if (data.Find(id) is not { } item)
        {
            return new AdoAnswer(404, AdoJson.Error($"VS402323: Work item {id} does not exist, or you do not have permissions to read it.", "WorkItemUnauthorizedAccessException"), "workitem");
        }

        var operations = JsonNode.Parse(body) as JsonArray ?? throw new JsonException("a JSON Patch document (an array) is expected");
        var tags = item.Tags;
        foreach (var operation in operations.OfType<JsonObject>())
        {
            var op = operation["op"]?.GetValue<string>();
            var path = operation["path"]?.GetValue<string>();
            if (op == "test" && path == "/rev")
            {
                if (operation["value"]?.GetValue<int>() != item.Rev)
                {
                    return new AdoAnswer(412, AdoJson.Error(
                        $"TF26071: This work item has been changed by someone else since you opened it. You will need to refresh it and discard your changes.",
                        "WorkItemRevisionMismatchException"), "workitem");
                }
            }
            else if (path == "/fields/System.Tags" && op is "add" or "replace")
            {
                tags = (operation["value"]?.GetValue<string>() ?? "").Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
            }
            else if (path == "/fields/System.Tags" && op == "remove")
            {
                tags = [];
            }
            else
            {
                return new AdoAnswer(400, AdoJson.Error($"VS403691: The fake applies only a test of /rev and System.Tags, not {op} {path}.", "VssPropertyValidationException"), "workitem");
            }
        }

        var saved = data.Edit(id, i => i with { Tags = tags });
        return new AdoAnswer(200, AdoJson.Item(saved, collectionUrl, null), "workitem");
    }
}
