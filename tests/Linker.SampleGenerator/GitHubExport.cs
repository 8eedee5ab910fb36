using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace OkrLinker.Samples;

internal static class GitHubExport
{
    private const string Api = "https://api.github.com";
    private const int PerPage = 100;

    private static readonly Dictionary<string, (long Id, int FirstNumber)> Repos = new()
    {
        ["acme/web"] = (812334507, 1412),
        ["acme/design-system"] = (812339911, 388),
    };

    private static readonly Dictionary<string, (string Color, string Description, bool Default)> LabelStyles = new()
    {
        ["bug"] = ("d73a4a", "Something isn't working", true),
        ["enhancement"] = ("a2eeef", "New feature or request", true),
        ["dependencies"] = ("0366d6", "Pull requests that update a dependency file", false),
        ["support"] = ("d4c5f9", "Raised by customer support", false),
        ["tech-debt"] = ("fbca04", "Work that keeps the codebase healthy", false),
        ["performance"] = ("1d76db", "Speed and Core Web Vitals", false),
        ["needs-triage"] = ("ededed", "Not looked at yet", false),
    };

    private static readonly Dictionary<string, (long Id, string NodeId, string Description, string Color)> IssueTypes = new()
    {
        ["Task"] = (1640201, "IT_kwDOB1a2b84AGQBJ", "A specific piece of work", "yellow"),
        ["Bug"] = (1640202, "IT_kwDOB1a2b84AGQBK", "An unexpected problem or behavior", "red"),
        ["Feature"] = (1640203, "IT_kwDOB1a2b84AGQBL", "A request, idea, or new functionality", "blue"),
    };

    public static IEnumerable<string> Write(string folder, List<Item> items, Rng rng)
    {
        Json.Reset(folder);
        var written = new List<string>();
        long issueId = 3512006344;
        foreach (var repo in Repos.Keys)
        {
            var repoItems = items.Where(i => i.Scope == repo).OrderBy(i => i.Created).ToList();
            var number = Repos[repo].FirstNumber;
            foreach (var item in repoItems)
            {
                issueId += rng.Int(20_000, 400_000);
                item.Id = issueId;
                item.Number = number++;
                item.Key = $"{repo}#{item.Number}";
            }
        }

        foreach (var item in items.Where(i => i.Mentions.Count > 0))
        {
            item.Title = Named(item.Title, item.Mentions)!;
            item.Body = Named(item.Body, item.Mentions);
        }

        foreach (var repo in Repos.Keys)
        {
            // The list's default order: newest first.
            var ordered = items.Where(i => i.Scope == repo).OrderByDescending(i => i.Created).ToList();
            var pages = ordered.Chunk(PerPage).ToList();
            var slug = repo.Replace('/', '-');
            for (var p = 0; p < pages.Count; p++)
            {
                var body = new JsonArray(pages[p].Select(i => (JsonNode?)Issue(i)).ToArray());
                var bytes = Json.Bytes(body);
                var name = $"issues-{slug}-{p + 1:000}";
                var jsonPath = Path.Combine(folder, name + ".json");
                File.WriteAllBytes(jsonPath, bytes);
                var headersPath = Path.Combine(folder, name + ".headers.txt");
                File.WriteAllText(headersPath, Headers(repo, p + 1, pages.Count, bytes, rng));
                written.Add(jsonPath);
                written.Add(headersPath);
            }
        }

        return written;
    }

    // Jira and Azure DevOps are numbered by now; Azure Boards' GitHub syntax is AB#<id>.
    private static string? Named(string? text, List<Item> mentions) =>
        text is null
            ? null
            : string.Format(
                CultureInfo.InvariantCulture,
                text,
                [.. mentions.Select(m => (object)(m.Source == Src.Ado ? $"AB#{m.Key}" : m.Key))]);

    private static string Time(DateTime t) => t.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    private static JsonObject Issue(Item item)
    {
        var repoUrl = $"{Api}/repos/{item.Scope}";
        var url = $"{repoUrl}/issues/{item.Number}";
        var pr = item.Kind == "PullRequest";
        var closed = item.Plan is Plan.DoneInWeek or Plan.DoneEarlier or Plan.Removed;
        var assignee = pr ? (item.Dependabot ? null : item.Author) : (item.Plan == Plan.ToDo ? null : item.Assignee);
        var node = new JsonObject
        {
            ["url"] = url,
            ["repository_url"] = repoUrl,
            ["labels_url"] = url + "/labels{/name}",
            ["comments_url"] = url + "/comments",
            ["events_url"] = url + "/events",
            ["html_url"] = $"https://github.com/{item.Scope}/{(pr ? "pull" : "issues")}/{item.Number}",
            ["id"] = item.Id,
            ["node_id"] = (pr ? "PR_kwDOMGq" : "I_kwDOMGq") + NodeSuffix(item.Id),
            ["number"] = item.Number,
            ["title"] = item.Title,
            ["user"] = User(item.Dependabot ? Story.Dependabot : item.Author),
            ["labels"] = new JsonArray(item.Labels.Select(l => (JsonNode?)Label(item.Scope, l)).ToArray()),
            ["state"] = closed ? "closed" : "open",
            ["locked"] = false,
            ["assignee"] = assignee is null ? null : User(assignee),
            ["assignees"] = new JsonArray(assignee is null ? [] : [User(assignee)]),
            ["milestone"] = null,
            ["comments"] = (int)(item.Id % 7),
            ["created_at"] = Time(item.Created),
            ["updated_at"] = Time(item.Updated),
            ["closed_at"] = closed ? Time(item.Resolved!.Value) : null,
            ["author_association"] = item.Dependabot ? "CONTRIBUTOR" : "MEMBER",
            ["type"] = item.IssueType is { } type ? IssueTypeNode(type) : null,
            ["active_lock_reason"] = null,
        };
        if (pr)
        {
            node["draft"] = item.Draft;
            node["pull_request"] = new JsonObject
            {
                ["url"] = $"{repoUrl}/pulls/{item.Number}",
                ["html_url"] = $"https://github.com/{item.Scope}/pull/{item.Number}",
                ["diff_url"] = $"https://github.com/{item.Scope}/pull/{item.Number}.diff",
                ["patch_url"] = $"https://github.com/{item.Scope}/pull/{item.Number}.patch",
                ["merged_at"] = item.Plan is Plan.DoneInWeek or Plan.DoneEarlier ? Time(item.Resolved!.Value) : null,
            };
        }

        node["body"] = item.Body ?? Body(item);
        if (!pr)
        {
            var done = item.Children.Count(c => c.Plan is Plan.DoneInWeek or Plan.DoneEarlier or Plan.Removed);
            node["sub_issues_summary"] = new JsonObject
            {
                ["total"] = item.Children.Count,
                ["completed"] = done,
                ["percent_completed"] = item.Children.Count == 0 ? 0 : done * 100 / item.Children.Count,
            };
        }

        if (item.Parent is { } parent)
        {
            node["parent_issue_url"] = $"{Api}/repos/{parent.Scope}/issues/{parent.Number}";
        }

        node["reactions"] = new JsonObject
        {
            ["url"] = url + "/reactions",
            ["total_count"] = 0,
            ["+1"] = 0,
            ["-1"] = 0,
            ["laugh"] = 0,
            ["hooray"] = 0,
            ["confused"] = 0,
            ["heart"] = 0,
            ["rocket"] = 0,
            ["eyes"] = 0,
        };
        node["timeline_url"] = url + "/timeline";
        node["performed_via_github_app"] = null;
        node["state_reason"] = pr ? null : item.Plan switch
        {
            Plan.DoneInWeek or Plan.DoneEarlier => "completed",
            Plan.Removed => "not_planned",
            _ when item.Reopened => "reopened",
            _ => null,
        };
        return node;
    }

    private static string? Body(Item item)
    {
        if (item.Kind == "PullRequest")
        {
            return null;
        }

        if (item.Children.Count > 0)
        {
            return "Tracking issue. Sub-issues hold the work; this one closes when the KR moves.";
        }

        return item.Labels.Contains("support") ? "Reported through Zendesk. Steps to reproduce are in the ticket." : null;
    }

    private static string NodeSuffix(long id)
    {
        var bytes = BitConverter.GetBytes(id);
        return Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
    }

    private static JsonObject User(Person who)
    {
        var bot = who.Login.EndsWith("[bot]", StringComparison.Ordinal);
        var login = Uri.EscapeDataString(who.Login).Replace("%5B", "[", StringComparison.Ordinal).Replace("%5D", "]", StringComparison.Ordinal);
        return new JsonObject
        {
            ["login"] = who.Login,
            ["id"] = who.GitHubId,
            ["node_id"] = Convert.ToBase64String(Encoding.ASCII.GetBytes((bot ? "03:Bot" : "04:User") + who.GitHubId.ToString(CultureInfo.InvariantCulture))),
            ["avatar_url"] = $"https://avatars.githubusercontent.com/{(bot ? "in/29110" : "u/" + who.GitHubId)}?v=4",
            ["gravatar_id"] = "",
            ["url"] = $"{Api}/users/{login}",
            ["html_url"] = bot ? "https://github.com/apps/dependabot" : $"https://github.com/{login}",
            ["followers_url"] = $"{Api}/users/{login}/followers",
            ["following_url"] = $"{Api}/users/{login}/following{{/other_user}}",
            ["gists_url"] = $"{Api}/users/{login}/gists{{/gist_id}}",
            ["starred_url"] = $"{Api}/users/{login}/starred{{/owner}}{{/repo}}",
            ["subscriptions_url"] = $"{Api}/users/{login}/subscriptions",
            ["organizations_url"] = $"{Api}/users/{login}/orgs",
            ["repos_url"] = $"{Api}/users/{login}/repos",
            ["events_url"] = $"{Api}/users/{login}/events{{/privacy}}",
            ["received_events_url"] = $"{Api}/users/{login}/received_events",
            ["type"] = bot ? "Bot" : "User",
            ["user_view_type"] = "public",
            ["site_admin"] = false,
        };
    }

    private static JsonObject Label(string repo, string name)
    {
        var (color, description, isDefault) = LabelStyles.TryGetValue(name, out var style)
            ? style
            : ("0e8a16", name.StartsWith("kr:", StringComparison.OrdinalIgnoreCase) ? $"Serves key result {name[3..]}" : "", false);
        var id = 7_400_000_000L + Math.Abs(StableHash(repo + "|" + name) % 90_000_000);
        return new JsonObject
        {
            ["id"] = id,
            ["node_id"] = "LA_kwDOMGq" + NodeSuffix(id),
            ["url"] = $"{Api}/repos/{repo}/labels/{Uri.EscapeDataString(name).Replace("%3A", ":", StringComparison.Ordinal)}",
            ["name"] = name,
            ["color"] = color,
            ["default"] = isDefault,
            ["description"] = description,
        };
    }

    private static JsonObject IssueTypeNode(string name)
    {
        var (id, nodeId, description, color) = IssueTypes[name];
        return new JsonObject
        {
            ["id"] = id,
            ["node_id"] = nodeId,
            ["name"] = name,
            ["description"] = description,
            ["color"] = color,
            ["created_at"] = "2025-03-11T14:02:17Z",
            ["updated_at"] = "2025-03-11T14:02:17Z",
            ["is_enabled"] = true,
        };
    }

    private static long StableHash(string text)
    {
        var digest = SHA256.HashData(Encoding.UTF8.GetBytes(text));
        return BitConverter.ToInt64(digest, 0);
    }

    private static string Headers(string repo, int page, int pages, byte[] body, Rng rng)
    {
        var repoId = Repos[repo].Id;
        string PageUrl(int n) => $"{Api}/repositories/{repoId}/issues?state=all&per_page={PerPage}&page={n}";
        var links = new List<string>();
        if (page < pages)
        {
            links.Add($"<{PageUrl(page + 1)}>; rel=\"next\"");
            links.Add($"<{PageUrl(pages)}>; rel=\"last\"");
        }

        if (page > 1)
        {
            links.Add($"<{PageUrl(page - 1)}>; rel=\"prev\"");
            links.Add($"<{PageUrl(1)}>; rel=\"first\"");
        }

        var etag = Convert.ToHexString(SHA256.HashData(body)).ToLowerInvariant();
        var lines = new List<string>
        {
            ":status: 200",
            "Server: GitHub.com",
            "Date: Sun, 22 Nov 2026 10:30:0" + page + " GMT",
            "Content-Type: application/json; charset=utf-8",
            "Cache-Control: private, max-age=60, s-maxage=60",
            "Vary: Accept, Authorization, Cookie, X-GitHub-OTP",
            $"ETag: W/\"{etag}\"",
            "X-OAuth-Scopes: repo",
            "X-Accepted-OAuth-Scopes: repo",
            "X-GitHub-Media-Type: github.v3; format=json",
            "X-GitHub-Api-Version-Selected: 2022-11-28",
        };
        if (links.Count > 0)
        {
            lines.Add("Link: " + string.Join(", ", links));
        }

        lines.AddRange(
        [
            "X-RateLimit-Limit: 5000",
            $"X-RateLimit-Remaining: {4990 - page - (repo.Length % 5)}",
            "X-RateLimit-Reset: 1795347000",
            $"X-RateLimit-Used: {10 + page + (repo.Length % 5)}",
            "X-RateLimit-Resource: core",
            $"X-GitHub-Request-Id: {rng.Hex(2).ToUpperInvariant()}:{rng.Hex(2).ToUpperInvariant()}:{rng.Hex(3).ToUpperInvariant()}:{rng.Hex(4).ToUpperInvariant()}:{rng.Hex(4).ToUpperInvariant()}",
        ]);
        return string.Join("\n", lines) + "\n";
    }
}
