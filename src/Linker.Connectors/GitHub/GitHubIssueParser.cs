using System.Text.Json;
using OkrLinker.Connectors.Parsing;
using OkrLinker.Core.Configuration;
using OkrLinker.Core.Items;
using OkrLinker.Core.Sources;

namespace OkrLinker.Connectors.GitHub;

/// <summary>
/// Turns GitHub REST issues (which include pull requests) into <see cref="WorkItem"/>s (DESIGN.md §6).
/// Key is <c>owner/repo#number</c>; the team is the <c>Teams</c> entry for <c>owner/repo</c>, else the repo name.
/// </summary>
public sealed class GitHubIssueParser(SourceOptions source, TeamResolver teams)
{
    /// <summary>
    /// An issues-list page (a JSON array), a search result (<c>{ items: [...] }</c>) or a pulls-list page;
    /// items without an id are skipped.
    /// </summary>
    public IReadOnlyList<WorkItem> ParsePage(JsonElement page)
    {
        var items = page.ValueKind == JsonValueKind.Array ? page.EnumerateArray() : JsonRead.Items(page, "items");
        return items.Select(ParseIssue).OfType<WorkItem>().ToList();
    }

    /// <summary>One issue or pull request; null when it has no id.</summary>
    public WorkItem? ParseIssue(JsonElement issue)
    {
        var id = JsonRead.Str(issue, "id");
        if (string.IsNullOrWhiteSpace(id))
        {
            return null;
        }

        var repo = RepoOf(issue);
        var number = JsonRead.Str(issue, "number");
        var pull = JsonRead.Obj(issue, "pull_request");

        // A pulls-list item has no pull_request key; head/base mark it, and merged_at sits at the top.
        var isPullRequest = pull is not null || JsonRead.Obj(issue, "head") is not null;
        var mergedAt = JsonRead.Time(pull ?? default, "merged_at") ?? JsonRead.Time(issue, "merged_at");
        var assigned = JsonRead.Obj(issue, "assignee") is not null || JsonRead.Items(issue, "assignees").Any();
        var (state, category) = GitHubStates.Of(
            isPullRequest, JsonRead.Str(issue, "state") ?? "open", assigned, JsonRead.Str(issue, "state_reason"), mergedAt is not null);
        var (created, updated, resolved) = ItemTimes.Settle(
            JsonRead.Time(issue, "created_at"),
            JsonRead.Time(issue, "updated_at"),
            mergedAt ?? JsonRead.Time(issue, "closed_at"),
            category);

        return new WorkItem
        {
            Source = source.Name,
            ExternalId = id,
            Key = repo is null ? $"#{number ?? id}" : $"{repo}#{number ?? id}",
            Url = JsonRead.Str(issue, "html_url"),
            Title = JsonRead.Str(issue, "title") ?? "",
            Type = TypeOf(issue, isPullRequest),
            State = state,
            Category = category,
            Team = TeamOf(repo),
            Project = repo,
            Labels = JsonRead.Distinct(JsonRead.Items(issue, "labels")
                .Select(label => label.ValueKind == JsonValueKind.Object ? JsonRead.Str(label, "name") : JsonRead.Text(label))),
            ParentKey = KeyOfIssueUrl(JsonRead.Str(issue, "parent_issue_url")),
            Created = created,
            Updated = updated,
            Resolved = resolved,
            Body = ItemBody.Cap(JsonRead.Str(issue, "body")),

            // Only a pulls-list item carries head; the issues list the source reads does not (README).
            Branch = JsonRead.Str(JsonRead.Obj(issue, "head") ?? default, "ref"),
        };
    }

    /// <summary><c>https://api.github.com/repos/o/r/issues/5</c> (or a GHES <c>/api/v3/repos/...</c> URL) → <c>o/r#5</c>.</summary>
    internal static string? KeyOfIssueUrl(string? url)
    {
        var path = PathAfterRepos(url);
        return path is [var owner, var repo, "issues", var number, ..] ? $"{owner}/{repo}#{number}" : null;
    }

    private static string TypeOf(JsonElement issue, bool isPullRequest)
    {
        if (isPullRequest)
        {
            return "pull-request";
        }

        return JsonRead.Str(JsonRead.Obj(issue, "type") ?? default, "name") is { Length: > 0 } type
            ? type.ToLowerInvariant()
            : "issue";
    }

    private string TeamOf(string? repo)
    {
        if (repo is null)
        {
            return "";
        }

        var team = teams.Resolve(source.Name, repo);
        return string.Equals(team, repo, StringComparison.Ordinal) ? repo[(repo.IndexOf('/', StringComparison.Ordinal) + 1)..] : team;
    }

    // repository_url on issues; a pulls-list item has base.repo.full_name and a /repos/o/r/pulls/n url.
    private static string? RepoOf(JsonElement issue)
    {
        if (PathAfterRepos(JsonRead.Str(issue, "repository_url")) is [var owner, var name, ..])
        {
            return $"{owner}/{name}";
        }

        if (JsonRead.Str(JsonRead.Obj(JsonRead.Obj(issue, "base") ?? default, "repo") ?? default, "full_name") is { } fullName)
        {
            return fullName;
        }

        return PathAfterRepos(JsonRead.Str(issue, "url")) is [var urlOwner, var urlName, ..] ? $"{urlOwner}/{urlName}" : null;
    }

    private static string[]? PathAfterRepos(string? url)
    {
        if (url is null || !Uri.TryCreate(url, UriKind.Absolute, out var uri))
        {
            return null;
        }

        var segments = uri.AbsolutePath.Split('/', StringSplitOptions.RemoveEmptyEntries);
        var repos = Array.IndexOf(segments, "repos");
        return repos >= 0 ? segments[(repos + 1)..] : null;
    }
}
