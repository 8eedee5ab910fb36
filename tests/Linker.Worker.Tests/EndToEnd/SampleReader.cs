using System.Globalization;
using System.Text.Json;

namespace OkrLinker.Worker.Tests.EndToEnd;

/// <summary>Reads the raw sample exports with System.Text.Json alone: a second reading, independent of the connectors.</summary>
internal static class SampleReader
{
    // The Teams map of config/linker.json; anything else falls back to the project key, area path or repo name.
    private static readonly Dictionary<string, string> Teams = new(StringComparer.OrdinalIgnoreCase)
    {
        ["jira:GRO"] = "growth",
        ["jira:PAY"] = "payments",
        [@"ado:Shop\Checkout"] = "payments",
        [@"ado:Shop\Onboarding"] = "growth",
        ["gh:acme/web"] = "web",
        ["gh:acme/design-system"] = "web",
    };

    public static IReadOnlyList<SampleItem> ReadAll(string samples) =>
    [
        .. Pages(Path.Combine(samples, "jira"), "search-*.json").SelectMany(p => p.GetProperty("issues").EnumerateArray()).Select(Jira),
        .. Pages(Path.Combine(samples, "azure-devops"), "workitemsbatch-*.json").SelectMany(p => p.GetProperty("value").EnumerateArray()).Select(AzureDevOps),
        .. Pages(Path.Combine(samples, "github"), "issues-*.json").SelectMany(p => p.EnumerateArray()).Select(GitHub),
    ];

    private static SampleItem Jira(JsonElement issue)
    {
        var f = issue.GetProperty("fields");
        var category = f.GetProperty("status").GetProperty("statusCategory").GetProperty("key").GetString() switch
        {
            "new" => SampleCategory.ToDo,
            "indeterminate" => SampleCategory.InProgress,
            "done" => SampleCategory.Done,
            var other => throw new InvalidDataException($"Jira status category '{other}'"),
        };
        return new SampleItem(
            "jira", issue.GetProperty("id").GetString()!, issue.GetProperty("key").GetString()!, f.GetProperty("summary").GetString()!,
            f.GetProperty("issuetype").GetProperty("name").GetString()!, category,
            Team("jira", f.GetProperty("project").GetProperty("key").GetString()!, fallback: null),
            [.. f.GetProperty("labels").EnumerateArray().Select(l => l.GetString()!)],
            [.. f.GetProperty("components").EnumerateArray().Select(c => c.GetProperty("name").GetString()!)],
            Text(f, "customfield_10100"),
            f.TryGetProperty("parent", out var parent) ? parent.GetProperty("id").GetString() : null,
            Number(f, "customfield_10016"),
            JiraTime(Text(f, "created"))!.Value,
            JiraTime(Text(f, "resolutiondate")));
    }

    private static SampleItem AzureDevOps(JsonElement workItem)
    {
        var f = workItem.GetProperty("fields");
        // Saved files carry no process state categories, so the well-known state names of DESIGN §6 decide.
        var category = Text(f, "System.State") switch
        {
            "New" or "Proposed" or "To Do" => SampleCategory.ToDo,
            "Active" or "Committed" or "In Progress" or "Doing" => SampleCategory.InProgress,
            "Resolved" or "Closed" or "Done" => SampleCategory.Done,
            "Removed" or "Cut" => SampleCategory.Removed,
            var other => throw new InvalidDataException($"Azure DevOps state '{other}'"),
        };
        var id = f.GetProperty("System.Id").GetInt32().ToString(CultureInfo.InvariantCulture);
        var area = Text(f, "System.AreaPath")!;
        return new SampleItem(
            "ado", id, id, Text(f, "System.Title")!, Text(f, "System.WorkItemType")!, category, Team("ado", area, fallback: null),
            [.. (Text(f, "System.Tags") ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)],
            [],
            Text(f, "Custom.KeyResult"),
            f.TryGetProperty("System.Parent", out var parent) ? parent.GetInt32().ToString(CultureInfo.InvariantCulture) : null,
            Number(f, "Microsoft.VSTS.Scheduling.StoryPoints"),
            DateTimeOffset.Parse(Text(f, "System.CreatedDate")!, CultureInfo.InvariantCulture),
            (Text(f, "Microsoft.VSTS.Common.ClosedDate") ?? Text(f, "Microsoft.VSTS.Common.ResolvedDate")) is { } done
                ? DateTimeOffset.Parse(done, CultureInfo.InvariantCulture)
                : null);
    }

    private static SampleItem GitHub(JsonElement issue)
    {
        var repo = Text(issue, "repository_url")!.Replace("https://api.github.com/repos/", "", StringComparison.Ordinal);
        var open = Text(issue, "state") == "open";
        var category = issue.TryGetProperty("pull_request", out var pr)
            ? open ? SampleCategory.InProgress : Text(pr, "merged_at") is null ? SampleCategory.Removed : SampleCategory.Done
            : open ? (issue.GetProperty("assignees").GetArrayLength() > 0 ? SampleCategory.InProgress : SampleCategory.ToDo)
            : Text(issue, "state_reason") == "not_planned" ? SampleCategory.Removed : SampleCategory.Done;
        var type = issue.GetProperty("type") is { ValueKind: JsonValueKind.Object } t ? t.GetProperty("name").GetString()! : "";
        return new SampleItem(
            "gh", Text(issue, "url")!, $"{repo}#{issue.GetProperty("number").GetInt32()}", Text(issue, "title")!, type, category,
            Team("gh", repo, fallback: repo[(repo.IndexOf('/', StringComparison.Ordinal) + 1)..]),
            [.. issue.GetProperty("labels").EnumerateArray().Select(l => l.GetProperty("name").GetString()!)],
            [],
            null,
            Text(issue, "parent_issue_url"),
            null,
            DateTimeOffset.Parse(Text(issue, "created_at")!, CultureInfo.InvariantCulture),
            Text(issue, "closed_at") is { } closed ? DateTimeOffset.Parse(closed, CultureInfo.InvariantCulture) : null,
            Text(issue, "body"));
    }

    private static string Team(string source, string scope, string? fallback) =>
        Teams.TryGetValue($"{source}:{scope}", out var team) ? team : fallback ?? scope;

    private static IEnumerable<JsonElement> Pages(string folder, string pattern) =>
        Directory.GetFiles(folder, pattern).Order(StringComparer.Ordinal)
            .Select(file => JsonDocument.Parse(File.ReadAllBytes(file)).RootElement);

    private static string? Text(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    private static double? Number(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number ? v.GetDouble() : null;

    // Jira writes offsets without a colon (+0000), which DateTimeOffset.Parse does not read.
    private static DateTimeOffset? JiraTime(string? text) =>
        text is null ? null : DateTimeOffset.Parse(text.Insert(text.Length - 2, ":"), CultureInfo.InvariantCulture);
}
