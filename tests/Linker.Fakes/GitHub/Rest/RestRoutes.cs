using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Primitives;
using OkrLinker.Fakes.GitHub.Data;
using OkrLinker.Fakes.GitHub.Server;

namespace OkrLinker.Fakes.GitHub.Rest;

/// <summary>
/// The REST routes: repo issues (list and single, with 410 for deleted and 301 for transferred issues),
/// org/user repo lists, one repo, <c>/rate_limit</c> and <c>/user</c>. Unknown routes and repos answer 404.
/// </summary>
internal sealed class RestRoutes(FakeGitHubData data, string viewerLogin, FakeRateBudget core, FakeRateBudget graphql)
{
    private const string Docs = "https://docs.github.com/rest";
    private const int DefaultPerPage = 30;
    private const int MaxPerPage = 100;

    public FakeAnswer Answer(string method, string path, string rawQuery, string apiRoot, string htmlRoot, string body = "")
    {
        var segments = path.Split('/', StringSplitOptions.RemoveEmptyEntries).Select(Uri.UnescapeDataString).ToArray();
        if (HttpMethodIs(method, "POST"))
        {
            return segments switch
            {
                ["repos", var owner, var repo, "labels"] => CreateLabel(owner, repo, body, apiRoot),
                ["repos", var owner, var repo, "issues", var number, "labels"] => AddLabels(owner, repo, number, body, apiRoot),
                _ => NotFound(),
            };
        }

        if (!HttpMethodIs(method, "GET"))
        {
            return NotFound();
        }

        if (segments is ["repos", var o, var r, "labels", var name])
        {
            return Label(o, r, name, apiRoot);
        }

        var query = QueryHelpers.ParseQuery(rawQuery);
        return segments switch
        {
            ["user"] => User(apiRoot, htmlRoot),
            ["rate_limit"] => RateLimit(),
            ["orgs", var owner, "repos"] when data.OwnerIsOrganization => Repos(owner, query, rawQuery, path, apiRoot, htmlRoot),
            ["users", var owner, "repos"] => Repos(owner, query, rawQuery, path, apiRoot, htmlRoot),
            ["repos", var owner, var repo] => Repo(owner, repo, apiRoot, htmlRoot),
            ["repos", var owner, var repo, "issues"] => Issues(owner, repo, query, rawQuery, path, apiRoot, htmlRoot),
            ["repos", var owner, var repo, "issues", var number] => Issue(owner, repo, number, apiRoot, htmlRoot),
            _ => NotFound(),
        };
    }

    private static bool HttpMethodIs(string method, string expected) => string.Equals(method, expected, StringComparison.OrdinalIgnoreCase);

    private FakeAnswer Issues(
        string owner, string repo, Dictionary<string, StringValues> query, string rawQuery, string path, string apiRoot, string htmlRoot)
    {
        if (!IsOwner(owner) || data.ItemsOf(repo) is not { } items)
        {
            return NotFound("https://docs.github.com/rest/issues/issues#list-repository-issues");
        }

        var state = Single(query, "state") ?? "open";
        var sort = Single(query, "sort") ?? "created";
        var direction = Single(query, "direction") ?? "desc";
        DateTimeOffset? since = null;
        if (Single(query, "since") is { } sinceText)
        {
            if (!DateTimeOffset.TryParse(sinceText, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed))
            {
                return Invalid("since");
            }

            since = parsed;
        }

        if (state is not ("open" or "closed" or "all"))
        {
            return Invalid("state");
        }

        if (sort is not ("created" or "updated" or "comments") || direction is not ("asc" or "desc"))
        {
            return Invalid(sort is "created" or "updated" or "comments" ? "direction" : "sort");
        }

        var selected = items
            .Where(item => state == "all" || item.State == state)
            .Where(item => since is null || item.UpdatedAt >= since);
        // Every item has 0 comments, so "comments" falls back to creation order, as GitHub's ties do.
        Func<FakeGitHubItem, DateTimeOffset> key = sort == "updated" ? item => item.UpdatedAt : item => item.CreatedAt;
        var ordered = direction == "asc"
            ? selected.OrderBy(key).ThenBy(item => item.Number)
            : selected.OrderByDescending(key).ThenByDescending(item => item.Number);
        var all = ordered.ToList();
        var (page, perPage) = Paging(query);
        var pageItems = all.Skip((page - 1) * perPage).Take(perPage).ToList();
        var subIssues = RestIssueJson.SubIssues(items);
        var body = RestJson.Write(writer =>
        {
            writer.WriteStartArray();
            foreach (var item in pageItems)
            {
                RestIssueJson.Write(writer, item, data.Owner, apiRoot, htmlRoot, subIssues);
            }

            writer.WriteEndArray();
        });
        data.AfterIssuesListed?.Invoke(repo, sort, page);
        return WithLink(new FakeAnswer(200, body), all.Count, page, perPage, rawQuery, path, apiRoot);
    }

    private FakeAnswer Issue(string owner, string repo, string numberText, string apiRoot, string htmlRoot)
    {
        const string doc = "https://docs.github.com/rest/issues/issues#get-an-issue";
        if (!IsOwner(owner) || !int.TryParse(numberText, NumberStyles.None, CultureInfo.InvariantCulture, out var number))
        {
            return NotFound(doc);
        }

        switch (data.Lookup(repo, number))
        {
            case FakeGitHubLookup.Found found:
                var subIssues = RestIssueJson.SubIssues(data.ItemsOf(repo) ?? []);
                return new FakeAnswer(200, RestJson.Write(writer => RestIssueJson.Write(writer, found.Item, data.Owner, apiRoot, htmlRoot, subIssues)));
            case FakeGitHubLookup.Deleted:
                return new FakeAnswer(410, RestJson.Error("This issue was deleted", doc));
            case FakeGitHubLookup.Moved moved:
                var location = $"{apiRoot}repos/{data.Owner}/{moved.Repo}/issues/{moved.Number}";
                var answer = new FakeAnswer(301, RestJson.Write(writer =>
                {
                    writer.WriteStartObject();
                    writer.WriteString("message", "Moved Permanently");
                    writer.WriteString("url", location);
                    writer.WriteString("documentation_url", "https://docs.github.com/rest/guides/best-practices-for-using-the-rest-api#follow-redirects");
                    writer.WriteEndObject();
                }));
                answer.Headers["Location"] = location;
                return answer;
            default:
                return NotFound(doc);
        }
    }

    private FakeAnswer Label(string owner, string repo, string name, string apiRoot)
    {
        const string doc = "https://docs.github.com/rest/issues/labels#get-a-label";
        if (!IsOwner(owner) || data.RepoNamed(repo) is null)
        {
            return NotFound(doc);
        }

        var found = data.LabelsOf(repo).FirstOrDefault(l => string.Equals(l, name, StringComparison.OrdinalIgnoreCase));
        return found is null
            ? NotFound(doc)
            : new FakeAnswer(200, RestJson.Write(writer => RestIssueJson.WriteLabel(writer, found, RepoUrl(apiRoot, repo))));
    }

    // POST /repos/{o}/{r}/labels {"name", "color", "description"}: 201, or 422 already_exists as GitHub answers.
    private FakeAnswer CreateLabel(string owner, string repo, string body, string apiRoot)
    {
        const string doc = "https://docs.github.com/rest/issues/labels#create-a-label";
        if (!IsOwner(owner) || data.RepoNamed(repo) is null)
        {
            return NotFound(doc);
        }

        string? name;
        try
        {
            using var json = JsonDocument.Parse(body);
            name = json.RootElement.TryGetProperty("name", out var n) ? n.GetString() : null;
        }
        catch (JsonException)
        {
            return new FakeAnswer(400, RestJson.Error("Problems parsing JSON", doc));
        }

        if (string.IsNullOrWhiteSpace(name))
        {
            return Invalid("name", "Label", "missing_field", doc);
        }

        return data.CreateLabel(repo, name)
            ? new FakeAnswer(201, RestJson.Write(writer => RestIssueJson.WriteLabel(writer, name, RepoUrl(apiRoot, repo))))
            : Invalid("name", "Label", "already_exists", doc);
    }

    // POST /repos/{o}/{r}/issues/{n}/labels {"labels": [...]}: adds them (creating missing ones), answers the issue's labels.
    private FakeAnswer AddLabels(string owner, string repo, string numberText, string body, string apiRoot)
    {
        const string doc = "https://docs.github.com/rest/issues/labels#add-labels-to-an-issue";
        if (!IsOwner(owner) || !int.TryParse(numberText, NumberStyles.None, CultureInfo.InvariantCulture, out var number)
            || data.Lookup(repo, number) is not FakeGitHubLookup.Found)
        {
            return NotFound(doc);
        }

        List<string> added;
        try
        {
            using var json = JsonDocument.Parse(body);
            added = json.RootElement.TryGetProperty("labels", out var labels) && labels.ValueKind == JsonValueKind.Array
                ? labels.EnumerateArray().Select(l => l.GetString() ?? "").Where(l => l.Length > 0).ToList()
                : [];
        }
        catch (JsonException)
        {
            return new FakeAnswer(400, RestJson.Error("Problems parsing JSON", doc));
        }

        if (added.Count == 0)
        {
            return Invalid("labels", "Issue", "missing_field", doc);
        }

        var item = data.Update(repo, number, i => i with
        {
            Labels = [.. i.Labels, .. added.Where(a => !i.Labels.Contains(a, StringComparer.OrdinalIgnoreCase)).Distinct(StringComparer.OrdinalIgnoreCase)],
        });
        return new FakeAnswer(200, RestJson.Write(writer =>
        {
            writer.WriteStartArray();
            foreach (var label in item.Labels)
            {
                RestIssueJson.WriteLabel(writer, label, RepoUrl(apiRoot, repo));
            }

            writer.WriteEndArray();
        }));
    }

    private string RepoUrl(string apiRoot, string repo) => $"{apiRoot}repos/{data.Owner}/{repo}";

    private FakeAnswer Repos(
        string owner, Dictionary<string, StringValues> query, string rawQuery, string path, string apiRoot, string htmlRoot)
    {
        if (!IsOwner(owner))
        {
            return NotFound("https://docs.github.com/rest/repos/repos#list-organization-repositories");
        }

        var repos = data.Repos;
        var (page, perPage) = Paging(query);
        var body = RestJson.Write(writer =>
        {
            writer.WriteStartArray();
            foreach (var repo in repos.Skip((page - 1) * perPage).Take(perPage))
            {
                RestRepoJson.Write(writer, data, repo, apiRoot, htmlRoot);
            }

            writer.WriteEndArray();
        });
        return WithLink(new FakeAnswer(200, body), repos.Count, page, perPage, rawQuery, path, apiRoot);
    }

    private FakeAnswer Repo(string owner, string name, string apiRoot, string htmlRoot) =>
        IsOwner(owner) && data.RepoNamed(name) is { } repo
            ? new FakeAnswer(200, RestJson.Write(writer => RestRepoJson.Write(writer, data, repo, apiRoot, htmlRoot)))
            : NotFound("https://docs.github.com/rest/repos/repos#get-a-repository");

    private FakeAnswer User(string apiRoot, string htmlRoot) =>
        new(200, RestJson.Write(writer => RestUserJson.Write(writer, viewerLogin, apiRoot, htmlRoot)));

    // GitHub: "Accessing this endpoint does not count against your REST API rate limit."
    private FakeAnswer RateLimit() => new(200, RestJson.Write(writer =>
    {
        writer.WriteStartObject();
        writer.WriteStartObject("resources");
        WriteBudget(writer, "core", core);
        WriteBudget(writer, "graphql", graphql);
        writer.WriteEndObject();
        WriteBudget(writer, "rate", core);
        writer.WriteEndObject();
    }))
    { Charge = false };

    private static void WriteBudget(Utf8JsonWriter writer, string name, FakeRateBudget budget)
    {
        var (limit, remaining, used, resetAt) = budget.Peek();
        writer.WriteStartObject(name);
        writer.WriteNumber("limit", limit);
        writer.WriteNumber("used", used);
        writer.WriteNumber("remaining", remaining);
        writer.WriteNumber("reset", resetAt.ToUnixTimeSeconds());
        writer.WriteEndObject();
    }

    // Link: prev, next, last, first — the order GitHub sends them in; page replaced, other parameters kept.
    private static FakeAnswer WithLink(FakeAnswer answer, int total, int page, int perPage, string rawQuery, string path, string apiRoot)
    {
        var last = Math.Max(1, (total + perPage - 1) / perPage);
        var links = new List<string>();
        if (page > 1)
        {
            links.Add($"<{PageUrl(page - 1)}>; rel=\"prev\"");
        }

        if (page < last)
        {
            links.Add($"<{PageUrl(page + 1)}>; rel=\"next\"");
            links.Add($"<{PageUrl(last)}>; rel=\"last\"");
        }

        if (page > 1)
        {
            links.Add($"<{PageUrl(1)}>; rel=\"first\"");
        }

        if (links.Count > 0)
        {
            answer.Headers["Link"] = string.Join(", ", links);
        }

        return answer;

        string PageUrl(int target)
        {
            var kept = rawQuery.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries)
                .Where(part => !part.StartsWith("page=", StringComparison.OrdinalIgnoreCase));
            var parameters = string.Join("&", kept.Append($"page={target.ToString(CultureInfo.InvariantCulture)}"));
            return $"{apiRoot}{path.TrimStart('/')}?{parameters}";
        }
    }

    private static (int Page, int PerPage) Paging(Dictionary<string, StringValues> query)
    {
        var page = int.TryParse(Single(query, "page"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var p) && p > 0 ? p : 1;
        var perPage = int.TryParse(Single(query, "per_page"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) && n > 0
            ? Math.Min(n, MaxPerPage)
            : DefaultPerPage;
        return (page, perPage);
    }

    private static string? Single(Dictionary<string, StringValues> query, string name) =>
        query.TryGetValue(name, out var values) && values.Count > 0 ? values[^1] : null;

    private bool IsOwner(string owner) => string.Equals(owner, data.Owner, StringComparison.OrdinalIgnoreCase);

    private static FakeAnswer NotFound(string documentation = Docs) => new(404, RestJson.Error("Not Found", documentation));

    private static FakeAnswer Invalid(string field, string resource = "Issue", string code = "invalid", string documentation = "https://docs.github.com/rest/issues/issues#list-repository-issues") =>
        new(422, RestJson.Write(writer =>
        {
            writer.WriteStartObject();
            writer.WriteString("message", "Validation Failed");
            writer.WriteStartArray("errors");
            writer.WriteStartObject();
            writer.WriteString("resource", resource);
            writer.WriteString("code", code);
            writer.WriteString("field", field);
            writer.WriteEndObject();
            writer.WriteEndArray();
            writer.WriteString("documentation_url", documentation);
            writer.WriteEndObject();
        }));
}
