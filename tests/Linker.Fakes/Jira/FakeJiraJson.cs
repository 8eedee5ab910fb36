using System.Globalization;
using System.Text.Json.Nodes;

namespace OkrLinker.Fakes.Jira;

/// <summary>The fake's answers in the shapes of <c>../shared/conformance/jira/</c>.</summary>
internal sealed class FakeJiraJson(FakeJiraOptions options, string site, Func<long, FakeJiraIssue?> find)
{
    private const string KeyResultName = "Key Result";
    private const string EpicLinkName = "Epic Link";

    private string Api => options.Flavor == FakeJiraFlavor.Cloud ? "3" : "2";

    private string StoryPointsName => options.Flavor == FakeJiraFlavor.Cloud ? "Story point estimate" : "Story Points";

    /// <summary>Jira's timestamp: milliseconds and the profile zone's offset without a colon (<c>-0800</c>).</summary>
    public string Time(DateTimeOffset at)
    {
        var local = at.ToOffset(options.ProfileZone.GetUtcOffset(at.UtcDateTime));
        return local.ToString("yyyy-MM-dd'T'HH:mm:ss.fff", CultureInfo.InvariantCulture) + local.ToString("zzz", CultureInfo.InvariantCulture).Replace(":", "", StringComparison.Ordinal);
    }

    public static JsonObject Errors(params string[] messages) => new() { ["errorMessages"] = new JsonArray([.. messages.Select(m => (JsonNode)m)]), ["errors"] = new JsonObject() };

    /// <summary>An issue with the asked-for fields: a list, <c>*all</c> / <c>*navigable</c>, or none (id and key only).</summary>
    public JsonObject Issue(FakeJiraIssue issue, IReadOnlyCollection<string> fields)
    {
        var all = fields.Contains("*all") || fields.Contains("*navigable");
        var f = new JsonObject();
        void Put(string name, Func<JsonNode?> value)
        {
            if (all || fields.Contains(name))
            {
                f[name] = value();
            }
        }

        Put("summary", () => issue.Summary);
        Put("status", () => new JsonObject
        {
            ["name"] = issue.Status,
            ["statusCategory"] = new JsonObject { ["key"] = issue.Category, ["name"] = issue.Category switch { "new" => "To Do", "done" => "Done", _ => "In Progress" } },
        });
        Put("issuetype", () => new JsonObject { ["name"] = issue.Type, ["subtask"] = issue.Type == FakeJiraIssue.SubTask });
        Put("project", () => new JsonObject { ["key"] = issue.Project, ["name"] = issue.Project });
        Put("labels", () => new JsonArray([.. issue.Labels.Select(l => (JsonNode)l)]));
        Put("components", () => new JsonArray([.. issue.Components.Select(c => (JsonNode)new JsonObject { ["name"] = c })]));
        Put("created", () => Time(issue.Created));
        Put("updated", () => Time(issue.Updated));
        Put("resolutiondate", () => issue.Resolved is { } r ? Time(r) : null);
        if (issue.Description is { } description)
        {
            Put("description", () => options.Flavor == FakeJiraFlavor.Cloud ? Adf(description) : description);
        }

        Put(options.StoryPointsFieldId, () => issue.Points);
        Put(options.KeyResultFieldId, () => issue.KeyResult is { } kr ? new JsonObject { ["value"] = kr, ["id"] = "1" + kr.GetHashCode(StringComparison.Ordinal).ToString("x", CultureInfo.InvariantCulture) } : null);
        var parent = issue.ParentId is { } pid ? find(pid) : null;
        var viaParent = options.Flavor == FakeJiraFlavor.Cloud || issue.Type == FakeJiraIssue.SubTask;
        if (parent is not null && viaParent)
        {
            Put("parent", () => new JsonObject
            {
                ["id"] = parent.Id.ToString(CultureInfo.InvariantCulture),
                ["key"] = parent.Key,
                ["fields"] = new JsonObject { ["summary"] = parent.Summary, ["issuetype"] = new JsonObject { ["name"] = parent.Type } },
            });
        }

        if (options.Flavor == FakeJiraFlavor.DataCenter && issue.Type == FakeJiraIssue.Story)
        {
            Put(options.EpicLinkFieldId, () => parent?.Key);
        }

        var id = issue.Id.ToString(CultureInfo.InvariantCulture);
        var json = new JsonObject { ["expand"] = "", ["id"] = id, ["self"] = $"{site}rest/api/{Api}/issue/{id}", ["key"] = issue.Key };
        if (f.Count > 0)
        {
            json["fields"] = f;
        }

        return json;
    }

    /// <summary>Plain text as Cloud's Atlassian Document Format (<c>jira/v3-issue-get.json</c>): a paragraph per line.</summary>
    public static JsonObject Adf(string text) => new()
    {
        ["type"] = "doc",
        ["version"] = 1,
        ["content"] = new JsonArray([.. text.ReplaceLineEndings("\n").Split('\n').Select(line => (JsonNode)new JsonObject
        {
            ["type"] = "paragraph",
            ["content"] = line.Length == 0 ? new JsonArray() : new JsonArray(new JsonObject { ["type"] = "text", ["text"] = line }),
        })]),
    };

    /// <summary><c>/field</c>: the system fields the connector reads and this site's custom ones, with a same-named decoy.</summary>
    public JsonArray Fields()
    {
        static JsonObject Field(string id, string name, bool custom, string type) => new()
        {
            ["id"] = id, ["key"] = id, ["name"] = name, ["custom"] = custom, ["orderable"] = true, ["navigable"] = true, ["searchable"] = true,
            ["clauseNames"] = new JsonArray(custom ? $"cf[{id["customfield_".Length..]}]" : id, name), ["schema"] = new JsonObject { ["type"] = type },
        };

        var fields = new JsonArray
        {
            Field("summary", "Summary", false, "string"),
            Field("status", "Status", false, "status"),
            Field("issuetype", "Issue Type", false, "issuetype"),
            Field("project", "Project", false, "project"),
            Field("labels", "Labels", false, "array"),
            Field("components", "Component/s", false, "array"),
            Field("parent", "Parent", false, "issuelink"),
            Field("created", "Created", false, "datetime"),
            Field("updated", "Updated", false, "datetime"),
            Field("resolutiondate", "Resolved", false, "datetime"),
            Field(options.StoryPointsFieldId, StoryPointsName, true, "number"),
            Field(options.KeyResultFieldId, KeyResultName, true, "option"),
            Field("customfield_10999", "Key Results (old)", true, "string"),
        };
        if (options.Flavor == FakeJiraFlavor.DataCenter)
        {
            fields.Add(Field(options.EpicLinkFieldId, EpicLinkName, true, "any"));
        }

        return fields;
    }

    public JsonObject ServerInfo(DateTimeOffset now) => new()
    {
        ["baseUrl"] = site.TrimEnd('/'),
        ["version"] = options.Flavor == FakeJiraFlavor.Cloud ? "1001.0.0-SNAPSHOT" : "9.12.15",
        ["versionNumbers"] = options.Flavor == FakeJiraFlavor.Cloud ? new JsonArray(1001, 0, 0) : new JsonArray(9, 12, 15),
        ["deploymentType"] = options.Flavor == FakeJiraFlavor.Cloud ? "Cloud" : "Datacenter",
        ["buildNumber"] = 100_245,
        ["serverTime"] = Time(now),
        ["serverTitle"] = "Acme Jira (fake)",
    };

    public JsonObject Myself() => new()
    {
        ["self"] = $"{site}rest/api/{Api}/user?accountId=5b10a2844c20165700ede21g",
        ["accountId"] = "5b10a2844c20165700ede21g",
        ["accountType"] = "atlassian",
        ["emailAddress"] = options.Email,
        ["displayName"] = "OKR Linker bot",
        ["active"] = true,
        ["timeZone"] = options.ProfileZone.Id,
    };
}
