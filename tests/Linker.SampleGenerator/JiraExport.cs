using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace OkrLinker.Samples;

internal static class JiraExport
{
    private const string Site = "https://acme.atlassian.net";
    private const int PageSize = 50;

    private static readonly Dictionary<string, (string Id, string Name)> Projects = new()
    {
        ["GRO"] = ("10021", "Growth"),
        ["PAY"] = ("10034", "Payments"),
    };

    private static readonly Dictionary<string, string> Components = new()
    {
        ["Checkout"] = "10140",
        ["Payments API"] = "10141",
        ["Refunds"] = "10142",
        ["Onboarding"] = "10110",
        ["Sign-up"] = "10111",
        ["Emails"] = "10112",
        ["Recommendations"] = "10113",
    };

    public static IEnumerable<string> Write(string folder, List<Item> items, Rng rng)
    {
        Json.Reset(folder);
        AssignKeys(items, rng);
        var ordered = items.OrderBy(i => i.Created).ThenBy(i => i.Key, StringComparer.Ordinal).ToList();
        var written = new List<string> { Json.Write(Path.Combine(folder, "field.json"), Fields()) };
        var pages = ordered.Chunk(PageSize).ToList();
        for (var p = 0; p < pages.Count; p++)
        {
            var last = p == pages.Count - 1;
            var page = new JsonObject { ["issues"] = new JsonArray(pages[p].Select(i => (JsonNode?)Issue(i)).ToArray()) };
            if (!last)
            {
                page["nextPageToken"] = rng.Base64(45);
            }

            page["isLast"] = last;
            written.Add(Json.Write(Path.Combine(folder, $"search-{p + 1:000}.json"), page));
        }

        return written;
    }

    // Keys follow creation order per project; ids follow creation order across the site, with gaps
    // for issues of projects outside this export.
    private static void AssignKeys(List<Item> items, Rng rng)
    {
        var next = new Dictionary<string, int> { ["GRO"] = 301, ["PAY"] = 518 };
        long id = 10452;
        foreach (var item in items.OrderBy(i => i.Created))
        {
            id += rng.Int(1, 5);
            item.Id = id;
            item.Number = next[item.Scope]++;
            item.Key = $"{item.Scope}-{item.Number}";
        }
    }

    private static string Time(DateTime t) => t.ToString("yyyy-MM-dd'T'HH:mm:ss.fff", CultureInfo.InvariantCulture) + "+0000";

    private static JsonObject Issue(Item item)
    {
        var fields = new JsonObject
        {
            ["summary"] = item.Title,
            ["issuetype"] = IssueType(item.Kind),
            ["status"] = Status(item),
            ["priority"] = Priority(item),
            ["project"] = Project(item.Scope),
            ["labels"] = Json.Strings(item.Labels),
            ["components"] = new JsonArray(item.Component is null ? [] : [Component(item.Component)]),
        };
        if (item.Parent is { } parent)
        {
            fields["parent"] = new JsonObject
            {
                ["id"] = parent.Id.ToString(CultureInfo.InvariantCulture),
                ["key"] = parent.Key,
                ["self"] = $"{Site}/rest/api/3/issue/{parent.Id}",
                ["fields"] = new JsonObject
                {
                    ["summary"] = parent.Title,
                    ["status"] = Status(parent),
                    ["priority"] = Priority(parent),
                    ["issuetype"] = IssueType(parent.Kind),
                },
            };
        }

        fields["assignee"] = item.Assignee is { } who ? User(who) : null;
        fields["reporter"] = User(item.Author);
        fields["created"] = Time(item.Created);
        fields["updated"] = Time(item.Updated);
        fields["resolutiondate"] = item.Resolved is { } done ? Time(done) : null;
        fields["resolution"] = item.Resolved is null ? null : new JsonObject
        {
            ["self"] = $"{Site}/rest/api/3/resolution/10000",
            ["id"] = "10000",
            ["description"] = "Work has been completed on this issue.",
            ["name"] = "Done",
        };
        fields["customfield_10016"] = Json.JavaDouble(item.Points);
        fields["customfield_10100"] = item.KrField;

        return new JsonObject
        {
            ["expand"] = "",
            ["id"] = item.Id.ToString(CultureInfo.InvariantCulture),
            ["self"] = $"{Site}/rest/api/3/issue/{item.Id}",
            ["key"] = item.Key,
            ["fields"] = fields,
        };
    }

    private static JsonObject IssueType(string kind)
    {
        var (id, description, level, avatar) = kind switch
        {
            "Epic" => ("10000", "Epics track collections of related bugs, stories, and tasks.", 1, 10307),
            "Story" => ("10001", "Stories track functionality or features expressed as user goals.", 0, 10315),
            "Task" => ("10002", "Tasks track small, distinct pieces of work.", 0, 10318),
            "Bug" => ("10003", "Bugs track problems or errors.", 0, 10303),
            _ => ("10004", "Subtasks track small pieces of work that are part of a larger task.", -1, 10316),
        };
        return new JsonObject
        {
            ["self"] = $"{Site}/rest/api/3/issuetype/{id}",
            ["id"] = id,
            ["description"] = description,
            ["iconUrl"] = $"{Site}/rest/api/2/universal_avatar/view/type/issuetype/avatar/{avatar}?size=medium",
            ["name"] = kind,
            ["subtask"] = kind == "Sub-task",
            ["avatarId"] = avatar,
            ["hierarchyLevel"] = level,
        };
    }

    private static JsonObject Status(Item item)
    {
        var (name, id, categoryId, categoryKey, categoryName, color) = item.Plan switch
        {
            Plan.ToDo => ("To Do", "10000", 2, "new", "To Do", "blue-gray"),
            Plan.InProgress when item.Kind is "Story" or "Bug" && item.Id % 3 == 0 => ("In Review", "10001", 4, "indeterminate", "In Progress", "yellow"),
            Plan.InProgress => ("In Progress", "3", 4, "indeterminate", "In Progress", "yellow"),
            _ => ("Done", "10002", 3, "done", "Done", "green"),
        };
        return new JsonObject
        {
            ["self"] = $"{Site}/rest/api/3/status/{id}",
            ["description"] = "",
            ["iconUrl"] = $"{Site}/",
            ["name"] = name,
            ["id"] = id,
            ["statusCategory"] = new JsonObject
            {
                ["self"] = $"{Site}/rest/api/3/statuscategory/{categoryId}",
                ["id"] = categoryId,
                ["key"] = categoryKey,
                ["colorName"] = color,
                ["name"] = categoryName,
            },
        };
    }

    private static JsonObject Priority(Item item)
    {
        var (name, id) = item.Kind == "Bug" ? ("High", "2") : ("Medium", "3");
        return new JsonObject
        {
            ["self"] = $"{Site}/rest/api/3/priority/{id}",
            ["iconUrl"] = $"{Site}/images/icons/priorities/{name.ToLowerInvariant()}_new.svg",
            ["name"] = name,
            ["id"] = id,
        };
    }

    private static JsonObject Project(string key)
    {
        var (id, name) = Projects[key];
        return new JsonObject
        {
            ["self"] = $"{Site}/rest/api/3/project/{id}",
            ["id"] = id,
            ["key"] = key,
            ["name"] = name,
            ["projectTypeKey"] = "software",
            ["simplified"] = false,
        };
    }

    private static JsonObject Component(string name) => new()
    {
        ["self"] = $"{Site}/rest/api/3/component/{Components[name]}",
        ["id"] = Components[name],
        ["name"] = name,
    };

    private static JsonObject User(Person who) => new()
    {
        ["self"] = $"{Site}/rest/api/3/user?accountId={Uri.EscapeDataString(who.AccountId)}",
        ["accountId"] = who.AccountId,
        ["displayName"] = who.Name,
        ["active"] = true,
        ["timeZone"] = "Europe/Berlin",
        ["accountType"] = "atlassian",
    };

    private static JsonArray Fields()
    {
        JsonObject System(string id, string name, string type, string? items = null, bool orderable = true, bool navigable = true, bool searchable = true, string[]? clauses = null)
        {
            var schema = new JsonObject { ["type"] = type };
            if (items is not null)
            {
                schema["items"] = items;
            }

            schema["system"] = id;
            return new JsonObject
            {
                ["id"] = id,
                ["key"] = id,
                ["name"] = name,
                ["custom"] = false,
                ["orderable"] = orderable,
                ["navigable"] = navigable,
                ["searchable"] = searchable,
                ["clauseNames"] = Json.Strings(clauses ?? [id]),
                ["schema"] = schema,
            };
        }

        JsonObject Custom(int number, string name, string type, string plugin, string[] clauses, string? items = null)
        {
            var schema = new JsonObject { ["type"] = type };
            if (items is not null)
            {
                schema["items"] = items;
            }

            schema["custom"] = plugin;
            schema["customId"] = number;
            return new JsonObject
            {
                ["id"] = $"customfield_{number}",
                ["key"] = $"customfield_{number}",
                ["name"] = name,
                ["untranslatedName"] = name,
                ["custom"] = true,
                ["orderable"] = true,
                ["navigable"] = true,
                ["searchable"] = true,
                ["clauseNames"] = Json.Strings(clauses),
                ["schema"] = schema,
            };
        }

        return
        [
            System("summary", "Summary", "string"),
            System("issuetype", "Issue Type", "issuetype", clauses: ["issuetype", "type"]),
            System("status", "Status", "status", orderable: false),
            System("priority", "Priority", "priority"),
            System("project", "Project", "project", orderable: false),
            System("labels", "Labels", "array", items: "string"),
            System("components", "Components", "array", items: "component", clauses: ["component"]),
            System("parent", "Parent", "issuelink", orderable: false, clauses: ["parent"]),
            System("assignee", "Assignee", "user"),
            System("reporter", "Reporter", "user"),
            System("created", "Created", "datetime", orderable: false, clauses: ["created", "createdDate"]),
            System("updated", "Updated", "datetime", orderable: false, clauses: ["updated", "updatedDate"]),
            System("resolutiondate", "Resolved", "datetime", orderable: false, clauses: ["resolutiondate", "resolved"]),
            System("resolution", "Resolution", "resolution"),
            System("description", "Description", "string"),
            Custom(10014, "Epic Link", "any", "com.pyxis.greenhopper.jira:gh-epic-link", ["cf[10014]", "Epic Link"]),
            Custom(10016, "Story point estimate", "number", "com.pyxis.greenhopper.jira:jsw-story-points", ["cf[10016]", "Story point estimate"]),
            Custom(10019, "Rank", "any", "com.pyxis.greenhopper.jira:gh-lexo-rank", ["cf[10019]", "Rank"]),
            Custom(10020, "Sprint", "array", "com.pyxis.greenhopper.jira:gh-sprint", ["cf[10020]", "Sprint"], items: "json"),
            Custom(10028, "Story Points", "number", "com.atlassian.jira.plugin.system.customfieldtypes:float", ["cf[10028]", "Story Points"]),
            Custom(10100, "Key Result", "string", "com.atlassian.jira.plugin.system.customfieldtypes:textfield", ["cf[10100]", "Key Result", "Key Result[Short text]"]),
        ];
    }
}
