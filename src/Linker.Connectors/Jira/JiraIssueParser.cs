using System.Text.Json;
using OkrLinker.Connectors.Parsing;
using OkrLinker.Core.Configuration;
using OkrLinker.Core.Items;
using OkrLinker.Core.Sources;

namespace OkrLinker.Connectors.Jira;

/// <summary>
/// Turns Jira issue JSON into <see cref="WorkItem"/>s (DESIGN.md §6). Shared by the files source and
/// the live Jira source. Tolerant: a missing or null field reads as absent; an issue is skipped only
/// when it has no id.
/// </summary>
public sealed class JiraIssueParser(SourceOptions source, TeamResolver teams, JiraFieldCatalog fields)
{
    private const string DefaultStoryPoints = "Story point estimate";
    private const string ClassicStoryPoints = "Story Points";
    private const string EpicLink = "Epic Link";

    /// <summary>A search page: <c>issues</c> plus its paging, using the page's <c>names</c> map when present.</summary>
    public JiraSearchPage ParsePage(JsonElement page)
    {
        var catalog = JsonRead.Obj(page, "names") is { } names ? fields.WithNames(names) : fields;
        var issues = JsonRead.Items(page, "issues").ToList();
        var items = issues.Select(issue => Parse(issue, catalog)).OfType<WorkItem>().ToList();

        var token = JsonRead.Str(page, "nextPageToken");
        var startAt = (int?)JsonRead.Number(page, "startAt");
        var total = (int?)JsonRead.Number(page, "total");
        var isLast = JsonRead.Bool(page, "isLast")
            ?? (startAt is { } start && total is { } all ? start + issues.Count >= all : string.IsNullOrEmpty(token));
        return new JiraSearchPage(items, string.IsNullOrEmpty(token) ? null : token, isLast, startAt, total);
    }

    /// <summary>One issue (<c>GET /rest/api/3/issue/{key}</c> or an element of <c>issues</c>); null when it has no id.</summary>
    public WorkItem? ParseIssue(JsonElement issue) => Parse(issue, fields);

    private WorkItem? Parse(JsonElement issue, JiraFieldCatalog catalog)
    {
        var id = JsonRead.Str(issue, "id");
        if (string.IsNullOrWhiteSpace(id))
        {
            return null;
        }

        var key = JsonRead.Str(issue, "key") ?? id;
        var f = JsonRead.Obj(issue, "fields") ?? default;
        var status = JsonRead.Obj(f, "status") ?? default;
        var state = JsonRead.Str(status, "name") ?? "";
        var category = StateOverrides.Categorize(source, state, StatusCategory(status));
        var project = JsonRead.Str(JsonRead.Obj(f, "project") ?? default, "key") ?? ProjectOfKey(key);
        var (parentId, parentKey) = Parent(f, catalog);
        var (created, updated, resolved) = ItemTimes.Settle(
            JsonRead.Time(f, "created"),
            JsonRead.Time(f, "updated"),
            JsonRead.Time(f, "resolutiondate") ?? JsonRead.Time(f, "statuscategorychangedate"),
            category);

        return new WorkItem
        {
            Source = source.Name,
            ExternalId = id,
            Key = key,
            Url = Site(issue) is { } site ? $"{site}/browse/{key}" : null,
            Title = JsonRead.Str(f, "summary") ?? "",
            Type = JsonRead.Str(JsonRead.Obj(f, "issuetype") ?? default, "name") ?? "",
            State = state,
            Category = category,
            Team = teams.Resolve(source.Name, project ?? ""),
            Project = project,
            Components = JsonRead.Distinct(JsonRead.Items(f, "components").Select(c => JsonRead.Str(c, "name"))),
            Labels = JsonRead.Distinct(JsonRead.Items(f, "labels").Select(JsonRead.Text)),
            KrValues = KrValueReader.Read(FirstValue(f, catalog, source.Fields.KeyResult)),
            ParentId = parentId,
            ParentKey = parentKey,
            StoryPoints = StoryPoints(f, catalog),
            Created = created,
            Updated = updated,
            Resolved = resolved,

            // Cloud (v3): Atlassian Document Format; Data Center (v2): wiki markup, kept as it is.
            Body = AdfText.Of(JsonRead.Prop(f, "description")),
        };
    }

    private static StateCategory? StatusCategory(JsonElement status) =>
        JsonRead.Str(JsonRead.Obj(status, "statusCategory") ?? default, "key")?.ToUpperInvariant() switch
        {
            "NEW" => StateCategory.ToDo,
            "INDETERMINATE" => StateCategory.InProgress,
            "DONE" => StateCategory.Done,
            _ => null,
        };

    // fields.parent is the rule (trap 4); the agile API's fields.epic and a classic "Epic Link"
    // field only stand in when an older site gives no parent.
    private static (string? Id, string? Key) Parent(JsonElement f, JiraFieldCatalog catalog)
    {
        if (JsonRead.Obj(f, "parent") is { } parent)
        {
            return (JsonRead.Str(parent, "id"), JsonRead.Str(parent, "key"));
        }

        // The agile API's epic id is the epic issue's id; older payloads carry no key with it.
        if (JsonRead.Obj(f, "epic") is { } epic && (JsonRead.Str(epic, "id") ?? JsonRead.Str(epic, "key")) is not null)
        {
            return (JsonRead.Str(epic, "id"), JsonRead.Str(epic, "key"));
        }

        return FirstValue(f, catalog, EpicLink) is { ValueKind: JsonValueKind.String } link
            ? (null, link.GetString())
            : (null, null);
    }

    private double? StoryPoints(JsonElement f, JiraFieldCatalog catalog)
    {
        string[] names = source.Fields.StoryPoints is { Length: > 0 } configured
            ? [configured]
            : [DefaultStoryPoints, ClassicStoryPoints];
        foreach (var name in names)
        {
            if (FirstValue(f, catalog, name) is { } value && JsonRead.Number(value) is { } points)
            {
                return points;
            }
        }

        return null;
    }

    /// <summary>The first non-null value among the fields called <paramref name="name"/>; the name may also be a field id.</summary>
    private static JsonElement? FirstValue(JsonElement f, JiraFieldCatalog catalog, string name)
    {
        foreach (var id in catalog.IdsOf(name).Append(name.Trim()))
        {
            if (JsonRead.Prop(f, id) is { } value)
            {
                return value;
            }
        }

        return null;
    }

    private string? Site(JsonElement issue)
    {
        if (!string.IsNullOrWhiteSpace(source.BaseUrl))
        {
            return source.BaseUrl.TrimEnd('/');
        }

        // self is "<site>/rest/api/3/issue/10002" (or /rest/agile/1.0/...); a Data Center context path stays.
        var self = JsonRead.Str(issue, "self");
        var cut = self?.IndexOf("/rest/", StringComparison.OrdinalIgnoreCase) ?? -1;
        return cut > 0 ? self![..cut] : null;
    }

    private static string? ProjectOfKey(string key)
    {
        var dash = key.LastIndexOf('-');
        return dash > 0 ? key[..dash] : null;
    }
}
