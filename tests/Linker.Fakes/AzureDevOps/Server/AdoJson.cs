using System.Globalization;
using System.Text.Json.Nodes;

namespace OkrLinker.Fakes.AzureDevOps.Server;

/// <summary>Work items, projects, states and errors in the shapes of <c>../shared/conformance/azure-devops/</c>.</summary>
internal static class AdoJson
{
    public static string Date(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.FFF'Z'", CultureInfo.InvariantCulture);

    /// <summary>An item with the requested fields only (all when <paramref name="fields"/> is null); empty fields are left out, as Azure DevOps does.</summary>
    public static JsonObject Item(FakeAdoItem item, string collectionUrl, IReadOnlyCollection<string>? fields)
    {
        var all = new JsonObject
        {
            ["System.Id"] = item.Id,
            ["System.Rev"] = item.Rev,
            ["System.AreaPath"] = item.AreaPath,
            ["System.TeamProject"] = item.Project,
            ["System.IterationPath"] = item.IterationPath,
            ["System.WorkItemType"] = item.Type,
            ["System.State"] = item.State,
            ["System.CreatedDate"] = Date(item.Created),
            ["System.ChangedDate"] = Date(item.Changed),
            ["System.Title"] = item.Title,
        };
        if (item.Tags.Count > 0)
        {
            all["System.Tags"] = string.Join("; ", item.Tags);
        }

        Put(all, "System.Parent", item.Parent);
        Put(all, "Microsoft.VSTS.Scheduling.StoryPoints", item.StoryPoints);
        Put(all, "Microsoft.VSTS.Scheduling.Effort", item.Effort);
        Put(all, "Microsoft.VSTS.Scheduling.Size", item.Size);
        if (item.Closed is { } closed)
        {
            all["Microsoft.VSTS.Common.ClosedDate"] = Date(closed);
        }

        if (item.Description is { } description)
        {
            all["System.Description"] = description;
        }

        if (item.KeyResult is { } kr)
        {
            all["Custom.KeyResult"] = kr;
        }

        JsonObject shown;
        if (fields is null)
        {
            shown = all;
        }
        else
        {
            shown = [];
            foreach (var name in fields)
            {
                if (all[name] is { } value)
                {
                    shown[name] = value.DeepClone();
                }
            }
        }

        return new JsonObject
        {
            ["id"] = item.Id,
            ["rev"] = item.Rev,
            ["fields"] = shown,
            ["url"] = $"{collectionUrl}_apis/wit/workItems/{item.Id}",
        };
    }

    public static JsonObject Project(FakeAdoProject project, string collectionUrl) => new()
    {
        ["id"] = project.Id.ToString(),
        ["name"] = project.Name,
        ["url"] = $"{collectionUrl}_apis/projects/{project.Id}",
        ["state"] = "wellFormed",
        ["revision"] = 11,
        ["visibility"] = "private",
        ["lastUpdateTime"] = "2026-09-01T08:00:00.000Z",
    };

    public static JsonObject List(IEnumerable<JsonNode?> values)
    {
        var array = new JsonArray([.. values]);
        return new JsonObject { ["count"] = array.Count, ["value"] = array };
    }

    /// <summary>Azure DevOps' error body: <c>{ "$id", "innerException", "message", "typeName", "typeKey", "errorCode", "eventId" }</c>.</summary>
    public static JsonObject Error(string message, string typeKey) => new()
    {
        ["$id"] = "1",
        ["innerException"] = null,
        ["message"] = message,
        ["typeName"] = $"Microsoft.TeamFoundation.WorkItemTracking.Server.{typeKey}, Microsoft.TeamFoundation.WorkItemTracking.Server",
        ["typeKey"] = typeKey,
        ["errorCode"] = 0,
        ["eventId"] = 3200,
    };

    private static void Put(JsonObject fields, string name, double? value)
    {
        if (value is { } v)
        {
            fields[name] = v;
        }
    }

    private static void Put(JsonObject fields, string name, int? value)
    {
        if (value is { } v)
        {
            fields[name] = v;
        }
    }
}
