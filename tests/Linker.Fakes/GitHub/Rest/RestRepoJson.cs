using System.Text.Json;
using OkrLinker.Fakes.GitHub.Data;

namespace OkrLinker.Fakes.GitHub.Rest;

/// <summary>A repository object (the fields of GitHub's minimal/full repository that clients read).</summary>
internal static class RestRepoJson
{
    public static void Write(Utf8JsonWriter writer, FakeGitHubData data, FakeGitHubRepo repo, string apiRoot, string htmlRoot)
    {
        var fullName = $"{data.Owner}/{repo.Name}";
        var items = data.ItemsOf(repo.Name) ?? [];
        writer.WriteStartObject();
        writer.WriteNumber("id", repo.Id);
        writer.WriteString("node_id", FakeNodeIds.Repo(repo.Id));
        writer.WriteString("name", repo.Name);
        writer.WriteString("full_name", fullName);
        writer.WriteBoolean("private", repo.Private);
        writer.WritePropertyName("owner");
        RestUserJson.Write(writer, data.Owner, apiRoot, htmlRoot, data.OwnerIsOrganization ? "Organization" : "User");
        writer.WriteString("html_url", $"{htmlRoot}{fullName}");
        writer.WriteNull("description");
        writer.WriteBoolean("fork", false);
        writer.WriteString("url", $"{apiRoot}repos/{fullName}");
        writer.WriteString("issues_url", $"{apiRoot}repos/{fullName}/issues{{/number}}");
        writer.WriteString("pulls_url", $"{apiRoot}repos/{fullName}/pulls{{/number}}");
        writer.WriteBoolean("archived", repo.Archived);
        writer.WriteBoolean("disabled", false);
        writer.WriteString("visibility", repo.Private ? "private" : "public");
        writer.WriteBoolean("has_issues", true);
        writer.WriteNumber("open_issues_count", items.Count(item => item.State == "open"));
        writer.WriteString("default_branch", "main");
        RestJson.TimeOrNull(writer, "created_at", items.Count > 0 ? items.Min(item => item.CreatedAt) : data.Now);
        RestJson.TimeOrNull(writer, "updated_at", items.Count > 0 ? items.Max(item => item.UpdatedAt) : data.Now);
        RestJson.TimeOrNull(writer, "pushed_at", items.Count > 0 ? items.Max(item => item.UpdatedAt) : data.Now);
        writer.WriteEndObject();
    }
}
