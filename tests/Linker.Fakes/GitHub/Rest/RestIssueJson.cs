using System.Text.Json;
using OkrLinker.Fakes.GitHub.Data;

namespace OkrLinker.Fakes.GitHub.Rest;

/// <summary>
/// An issue (or pull request) as <c>GET /repos/{o}/{r}/issues</c> returns it, field for field in the order of
/// the recorded payloads; pull requests carry <c>pull_request</c>, sub-issues <c>parent_issue_url</c>.
/// </summary>
internal static class RestIssueJson
{
    private static readonly string[] Reactions = ["total_count", "+1", "-1", "laugh", "hooray", "confused", "heart", "rocket", "eyes"];

    /// <summary>parent number → (sub-issues, closed sub-issues) for a repo's items.</summary>
    public static Dictionary<int, (int Total, int Completed)> SubIssues(IEnumerable<FakeGitHubItem> items) =>
        items.Where(item => item.ParentNumber is not null)
            .GroupBy(item => item.ParentNumber!.Value)
            .ToDictionary(group => group.Key, group => (group.Count(), group.Count(item => item.State == "closed")));

    public static void Write(
        Utf8JsonWriter writer, FakeGitHubItem item, string owner, string apiRoot, string htmlRoot,
        IReadOnlyDictionary<int, (int Total, int Completed)> subIssues)
    {
        var repoUrl = $"{apiRoot}repos/{owner}/{item.Repo}";
        var url = $"{repoUrl}/issues/{item.Number}";
        var html = $"{htmlRoot}{owner}/{item.Repo}/{(item.IsPullRequest ? "pull" : "issues")}/{item.Number}";
        writer.WriteStartObject();
        writer.WriteString("url", url);
        writer.WriteString("repository_url", repoUrl);
        writer.WriteString("labels_url", url + "/labels{/name}");
        writer.WriteString("comments_url", url + "/comments");
        writer.WriteString("events_url", url + "/events");
        writer.WriteString("html_url", html);
        writer.WriteNumber("id", item.Id);
        writer.WriteString("node_id", item.NodeId);
        writer.WriteNumber("number", item.Number);
        writer.WriteString("title", item.Title);
        writer.WritePropertyName("user");
        RestUserJson.Write(writer, item.Author, apiRoot, htmlRoot);
        writer.WriteStartArray("labels");
        foreach (var label in item.Labels)
        {
            WriteLabel(writer, label, repoUrl);
        }

        writer.WriteEndArray();
        writer.WriteString("state", item.State);
        writer.WriteBoolean("locked", false);
        writer.WritePropertyName("assignee");
        if (item.Assignees.Count > 0)
        {
            RestUserJson.Write(writer, item.Assignees[0], apiRoot, htmlRoot);
        }
        else
        {
            writer.WriteNullValue();
        }

        writer.WriteStartArray("assignees");
        foreach (var assignee in item.Assignees)
        {
            RestUserJson.Write(writer, assignee, apiRoot, htmlRoot);
        }

        writer.WriteEndArray();
        writer.WriteNull("milestone");
        writer.WriteNumber("comments", 0);
        writer.WriteString("created_at", RestJson.Time(item.CreatedAt));
        writer.WriteString("updated_at", RestJson.Time(item.UpdatedAt));
        RestJson.TimeOrNull(writer, "closed_at", item.ClosedAt);
        writer.WriteString("author_association", "MEMBER");
        writer.WriteNull("active_lock_reason");
        if (item.IsPullRequest)
        {
            writer.WriteBoolean("draft", false);
            writer.WriteStartObject("pull_request");
            writer.WriteString("url", $"{repoUrl}/pulls/{item.Number}");
            writer.WriteString("html_url", html);
            writer.WriteString("diff_url", html + ".diff");
            writer.WriteString("patch_url", html + ".patch");
            RestJson.TimeOrNull(writer, "merged_at", item.MergedAt);
            writer.WriteEndObject();
        }

        if (item.Body is { } body)
        {
            writer.WriteString("body", body);
        }
        else
        {
            writer.WriteNull("body");
        }

        writer.WriteStartObject("reactions");
        writer.WriteString("url", url + "/reactions");
        foreach (var reaction in Reactions)
        {
            writer.WriteNumber(reaction, 0);
        }

        writer.WriteEndObject();
        writer.WriteString("timeline_url", url + "/timeline");
        writer.WriteNull("performed_via_github_app");
        if (item.StateReason is { } reason)
        {
            writer.WriteString("state_reason", reason);
        }
        else
        {
            writer.WriteNull("state_reason");
        }

        if (item.IssueType is { } type)
        {
            writer.WriteStartObject("type");
            writer.WriteNumber("id", 10_000 + (FakeLabels.IdOf("type:" + type) % 10_000));
            writer.WriteString("node_id", $"IT_kwDOFk{type}");
            writer.WriteString("name", type);
            writer.WriteEndObject();
        }

        if (item.ParentNumber is { } parent)
        {
            writer.WriteString("parent_issue_url", $"{repoUrl}/issues/{parent}");
        }

        if (!item.IsPullRequest)
        {
            var (total, completed) = subIssues.GetValueOrDefault(item.Number);
            writer.WriteStartObject("sub_issues_summary");
            writer.WriteNumber("total", total);
            writer.WriteNumber("completed", completed);
            writer.WriteNumber("percent_completed", total == 0 ? 0 : completed * 100 / total);
            writer.WriteEndObject();
        }

        writer.WriteEndObject();
    }

    /// <summary>One label object, as in an issue's <c>labels</c> and the label routes' answers.</summary>
    public static void WriteLabel(Utf8JsonWriter writer, string label, string repoUrl)
    {
        writer.WriteStartObject();
        writer.WriteNumber("id", FakeLabels.IdOf(label));
        writer.WriteString("node_id", FakeNodeIds.Label(label));
        writer.WriteString("url", $"{repoUrl}/labels/{Uri.EscapeDataString(label)}");
        writer.WriteString("name", label);
        writer.WriteString("color", FakeLabels.ColorOf(label));
        writer.WriteBoolean("default", FakeLabels.IsDefault(label));
        if (FakeLabels.DescriptionOf(label) is { } description)
        {
            writer.WriteString("description", description);
        }
        else
        {
            writer.WriteNull("description");
        }

        writer.WriteEndObject();
    }
}
