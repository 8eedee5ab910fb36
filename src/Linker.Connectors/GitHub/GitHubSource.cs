using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Runtime.CompilerServices;
using System.Text.Json;
using OkrLinker.Connectors.Http;
using OkrLinker.Core.Configuration;
using OkrLinker.Core.Items;
using OkrLinker.Core.Sources;

namespace OkrLinker.Connectors.GitHub;

/// <summary>
/// The GitHub source (<c>Kind: "github"</c>): one scope per repo for issues and pull requests, and one
/// field-stream scope per configured Projects (v2) project for the "Key Result" field.
/// </summary>
/// <remarks>
/// A repo read starts with a one-item probe (<c>sort=updated&amp;direction=desc&amp;per_page=1</c>) sent
/// with the ETag of the last run's probe: a 304 means nothing changed and costs no rate limit. A first read
/// (no <c>since</c> yet) lists every item by page number in creation order, several pages at once
/// (<see cref="ReadByPageNumberAsync"/>). Otherwise it lists <c>state=all&amp;sort=updated&amp;direction=asc&amp;since=…</c> 100 at a time, moving
/// <c>since</c> to the newest <c>updated_at</c> of each page rather than following page numbers: items
/// edited during the read move to the end of an offset-paged list and would push others past a page
/// boundary unseen. Only a page whose items all share one second follows the <c>Link</c> header instead.
/// </remarks>
/// <param name="concurrency">List pages in flight at once on a first read (<c>Http.MaxConcurrentRequests</c>).</param>
internal sealed class GitHubSource(SourceOptions options, SourceClient http, GitHubIssueParser parser, Uri graphQl, int concurrency)
    : IWorkItemSource, ISourceCheck, IDisposable
{
    public const string Kind = "github";
    private const int PageSize = 100;
    private const string ProjectScopePrefix = "project:";

    public string Name => options.Name;

    private string Owner => options.Owner!;

    public void Dispose() => http.Dispose();

    public async Task<IReadOnlyList<SourceScope>> GetScopesAsync(CancellationToken cancellationToken)
    {
        var repos = options.Repos.Count > 0
            ? options.Repos.Select(r => r.Contains('/', StringComparison.Ordinal) ? r : $"{Owner}/{r}").ToList()
            : await ListOwnerReposAsync(cancellationToken);
        return
        [
            .. repos.Select(r => new SourceScope(Name, r)),
            .. options.ProjectNumbers.Select(n => new SourceScope(Name, ProjectScopePrefix + n.ToString(CultureInfo.InvariantCulture)) { FieldStream = true }),
        ];
    }

    public IAsyncEnumerable<WorkItemPage> ReadAsync(SourceScope scope, string? cursor, CancellationToken cancellationToken) =>
        scope.Id.StartsWith(ProjectScopePrefix, StringComparison.Ordinal)
            ? ReadProjectAsync(int.Parse(scope.Id[ProjectScopePrefix.Length..], CultureInfo.InvariantCulture), cancellationToken)
            : ReadRepoAsync(scope.Id, GitHubCursor.Parse(cursor), cancellationToken);

    public async Task<IReadOnlyList<CheckLine>> CheckAsync(CancellationToken cancellationToken)
    {
        var check = new SourceCheckList(Name);
        await check.AddAsync("rate limit", async ct =>
        {
            using var doc = await http.GetJsonAsync("rate_limit", "rate_limit", ct);
            var core = doc.RootElement.GetProperty("resources").GetProperty("core");
            var reset = DateTimeOffset.FromUnixTimeSeconds(core.GetProperty("reset").GetInt64());
            return $"{core.GetProperty("remaining").GetInt32()} of {core.GetProperty("limit").GetInt32()} requests left, resets {reset:HH:mm} UTC";
        }, cancellationToken);
        if (!string.IsNullOrWhiteSpace(options.Auth.TokenEnv) || !string.IsNullOrWhiteSpace(options.Auth.TokenFile))
        {
            await check.AddAsync("token", async ct =>
            {
                using var doc = await http.GetJsonAsync("user", "user", ct);
                return $"authenticated as {doc.RootElement.GetProperty("login").GetString()}";
            }, cancellationToken);
        }

        IReadOnlyList<SourceScope> scopes = [];
        await check.AddAsync("repos", async ct =>
        {
            scopes = await GetScopesAsync(ct);
            return $"{scopes.Count(s => !s.FieldStream)} to sync";
        }, cancellationToken);
        foreach (var scope in scopes.Where(s => !s.FieldStream))
        {
            await check.AddAsync(scope.Id, async ct =>
            {
                using var doc = await http.GetJsonAsync($"repos/{scope.Id}", $"repos/{scope.Id}", ct);
                var repo = doc.RootElement;
                var archived = repo.TryGetProperty("archived", out var a) && a.GetBoolean() ? ", archived" : "";
                return $"visible{archived}";
            }, cancellationToken);
        }

        return check.Lines;
    }

    private async IAsyncEnumerable<WorkItemPage> ReadRepoAsync(
        string repo, GitHubCursor cursor, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var probe = new HttpRequestMessage(HttpMethod.Get, GitHubEndpoints.Issues(repo, "state=all&sort=updated&direction=desc&per_page=1"));
        if (cursor.ProbeEtag is { } etag)
        {
            probe.Headers.TryAddWithoutValidation("If-None-Match", etag);
        }

        string? probeEtag;
        DateTimeOffset? probeNewest;
        int probeCount;
        using (var answer = await http.SendAsync(probe, repo, cancellationToken))
        {
            if (answer.StatusCode == HttpStatusCode.NotModified)
            {
                yield break;
            }

            probeEtag = answer.Headers.ETag?.ToString();
            using var doc = await SourceClient.ReadJsonAsync(answer, cancellationToken);
            var probed = parser.ParsePage(doc.RootElement);
            probeNewest = probed.Select(i => (DateTimeOffset?)i.Updated).FirstOrDefault();

            // One item a page: the last page's number is how many items the repo lists now.
            var links = GitHubLinkHeader.Parse(answer.Headers.TryGetValues("Link", out var link) ? string.Join(", ", link) : null);
            probeCount = GitHubLinkHeader.PageOf(links.GetValueOrDefault("last")) ?? probed.Count;
        }

        var pages = cursor.Since is null
            ? ReadByPageNumberAsync(repo, cursor, probeEtag, probeNewest, probeCount, cancellationToken)
            : ReadSinceAsync(repo, cursor, probeEtag, cancellationToken);
        await foreach (var page in pages)
        {
            yield return page;
        }
    }

    /// <summary>
    /// A repo's first read (no <c>since</c> yet, or <c>--full</c>): every item in creation order by page number,
    /// up to <see cref="concurrency"/> pages in flight once the first answer's <c>Link rel="last"</c> says how
    /// many there are (pages 2..N are that link with its page number changed), yielded in page order. Creation order does not move when an item is edited, and new
    /// items join at the end, so the page numbers stay put during the read; a page's cursor is its number.
    /// The last page's cursor is the incremental one: <c>since</c> the probe's newest <c>updated_at</c> less the
    /// overlap, so the next run re-reads whatever was edited or created while this read went on.
    /// An item deleted (or transferred away) during the read shifts every later item back one place, so the first
    /// item of a page not yet read can move onto one already read and be missed. A whole read from page 1 therefore
    /// counts the items it got that existed when the probe ran (created no later than the probe's newest
    /// <c>updated_at</c>) against the probe's count (<paramref name="probeCount"/>); on a shortfall the last page
    /// keeps its page cursor and the repo is read again by <c>since</c> from the start (<see cref="ReadSinceAsync"/>),
    /// which pages by time and so cannot skip. A resumed read has committed pages it cannot count, and is not checked.
    /// </summary>
    private async IAsyncEnumerable<WorkItemPage> ReadByPageNumberAsync(
        string repo, GitHubCursor cursor, string? probeEtag, DateTimeOffset? probeNewest, int probeCount,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var resumed = cursor.Page is not null;
        var from = resumed ? cursor.ReadFrom : probeNewest - options.Overlap;

        // A resumed read probed after changes that the pages committed before the stop may not hold; without
        // that probe's ETag the next run reads everything since the first start instead of taking a 304.
        var done = new GitHubCursor(from, resumed ? null : probeEtag).ToString();
        var first = (cursor.Page ?? 0) + 1;
        var head = await ListAsync(IssuesByCreation(repo, first), repo, cancellationToken);
        if (head.Next is not null && head.LastPage is null)
        {
            // Not paged by number after all: follow the links one after the other, as an incremental read from the start does.
            await foreach (var page in ReadSinceAsync(repo, new GitHubCursor(null, null), probeEtag, cancellationToken))
            {
                yield return page;
            }

            yield break;
        }

        var last = head.LastPage is { } l && l > first ? l : first; // no rel="last": this is the last page
        var counted = Existing(head.Items);
        if (first == last)
        {
            if (Short())
            {
                await foreach (var page in ReadAgainAsync(head.Items))
                {
                    yield return page;
                }

                yield break;
            }

            yield return new WorkItemPage(head.Items, done);
            yield break;
        }

        yield return new WorkItemPage(head.Items, PageCursor(first));

        // Pages 2..N up to `concurrency` at a time, handed out in page order; any read ahead of a failure,
        // a cancellation or a stop is dropped, none of it committed.
        await using var pages = new OrderedReads<ListedPage>(
            Enumerable.Range(first + 1, last - first).Select(number => (Func<CancellationToken, Task<ListedPage>>)(ct =>
                ListAsync(GitHubLinkHeader.WithPage(head.Last!, number).ToString(), repo, ct))),
            concurrency,
            cancellationToken);
        for (var number = first + 1; await pages.NextAsync() is { } listed; number++)
        {
            counted += Existing(listed.Items);
            if (number == last && Short())
            {
                await foreach (var page in ReadAgainAsync(listed.Items))
                {
                    yield return page;
                }

                yield break;
            }

            yield return new WorkItemPage(listed.Items, number == last ? done : PageCursor(number));
        }

        string PageCursor(int page) => new GitHubCursor(null, null, page, from).ToString();

        // Items created after the probe may have filled the places of missed ones: only the probe's items count.
        int Existing(IReadOnlyList<WorkItem> items) => probeNewest is { } at ? items.Count(i => i.Created <= at) : items.Count;

        bool Short() => !resumed && counted < probeCount;

        async IAsyncEnumerable<WorkItemPage> ReadAgainAsync(IReadOnlyList<WorkItem> lastItems)
        {
            // The last page still commits, under its page cursor; the read by time then ends with the incremental cursor.
            yield return new WorkItemPage(lastItems, PageCursor(last));
            await foreach (var page in ReadSinceAsync(repo, new GitHubCursor(null, null), probeEtag, cancellationToken))
            {
                yield return page;
            }
        }
    }

    /// <summary>
    /// An incremental read: <c>sort=updated&amp;direction=asc&amp;since=…</c>, moving <c>since</c> to the newest
    /// <c>updated_at</c> of each page rather than following page numbers (see the remarks on the class).
    /// </summary>
    private async IAsyncEnumerable<WorkItemPage> ReadSinceAsync(
        string repo, GitHubCursor cursor, string? probeEtag, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var newest = cursor.Since;
        var since = cursor.Since;
        DateTimeOffset? offsetPagedAt = null;
        var url = IssuesFrom(repo, since);
        while (true)
        {
            var (items, next, _, _) = await ListAsync(url, repo, cancellationToken);
            var pageNewest = items.Count == 0 ? (DateTimeOffset?)null : items.Max(i => i.Updated);
            if (pageNewest > newest || newest is null)
            {
                newest = pageNewest ?? newest;
            }

            var last = next is null;
            var restart = newest is { } n ? n - options.Overlap : (DateTimeOffset?)null;
            if (offsetPagedAt is { } paged && restart > paged)
            {
                // Items of a same-second group read by page number can shift past a page boundary
                // when one of them is edited meanwhile; the next run reads that second again.
                restart = paged;
            }

            if (cursor.Since is { } previous && restart < previous)
            {
                restart = previous;
            }

            yield return new WorkItemPage(items, new GitHubCursor(restart, last ? probeEtag : cursor.ProbeEtag).ToString());
            if (last)
            {
                yield break;
            }

            if (pageNewest is { } moved && (since is null || moved > since))
            {
                since = moved;
                url = IssuesFrom(repo, since);
            }
            else
            {
                url = next!.ToString(); // the whole page shares one second: only the page number moves on
                offsetPagedAt ??= since;
            }
        }
    }

    private async Task<ListedPage> ListAsync(string url, string repo, CancellationToken cancellationToken)
    {
        using var response = await http.SendAsync(new HttpRequestMessage(HttpMethod.Get, url), repo, cancellationToken);
        using var doc = await SourceClient.ReadJsonAsync(response, cancellationToken);
        var links = GitHubLinkHeader.Parse(response.Headers.TryGetValues("Link", out var link) ? string.Join(", ", link) : null);
        var last = links.GetValueOrDefault("last");
        return new ListedPage(parser.ParsePage(doc.RootElement), links.GetValueOrDefault("next"), last, GitHubLinkHeader.PageOf(last));
    }

    private async IAsyncEnumerable<WorkItemPage> ReadProjectAsync(int number, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var field = string.IsNullOrWhiteSpace(options.Fields.KeyResult) ? "Key Result" : options.Fields.KeyResult;
        var organization = true;
        string? after = null;
        var first = true;
        while (true)
        {
            var request = new HttpRequestMessage(HttpMethod.Post, graphQl)
            {
                Content = JsonContent.Create(new { query = GitHubProjectQuery.For(organization), variables = GitHubProjectQuery.Variables(Owner, number, field, after) }),
            };
            using var response = await http.SendAsync(request, $"project {number}", cancellationToken);
            using var doc = await SourceClient.ReadJsonAsync(response, cancellationToken);
            var errors = GraphQlErrors(doc.RootElement);
            var (values, next, found) = doc.RootElement.TryGetProperty("data", out var data) && data.ValueKind == JsonValueKind.Object
                ? GitHubProjectQuery.ReadPage(doc.RootElement, organization)
                : ([], null, false);

            if (!found)
            {
                if (first && organization)
                {
                    organization = false; // the owner may be a user account
                    continue;
                }

                throw new SourceException(Name, $"Source '{Name}': project {number} of {Owner} was not found or is not visible to the token in {Auth.SourceToken.Describe(options)}{(errors is null ? "" : $" ({errors})")}.")
                {
                    WholeSource = false,
                };
            }

            first = false;
            yield return new WorkItemPage([], "project") { FieldValues = values };
            if (next is null)
            {
                yield break;
            }

            after = next;
        }
    }

    private async Task<List<string>> ListOwnerReposAsync(CancellationToken cancellationToken)
    {
        var repos = new List<string>();
        string? url = $"orgs/{Owner}/repos?per_page={PageSize}&type=all";
        var triedUser = false;
        while (url is not null)
        {
            using var response = await http.SendFollowingAsync(new HttpRequestMessage(HttpMethod.Get, url), cancellationToken);
            if (response.StatusCode == HttpStatusCode.NotFound && !triedUser)
            {
                triedUser = true;
                url = $"users/{Owner}/repos?per_page={PageSize}&type=owner";
                continue;
            }

            await http.EnsureSuccessAsync(response, $"the repos of {Owner}", cancellationToken);
            using var doc = await SourceClient.ReadJsonAsync(response, cancellationToken);
            foreach (var repo in doc.RootElement.EnumerateArray())
            {
                var archived = repo.TryGetProperty("archived", out var a) && a.GetBoolean();
                if (!archived || options.IncludeArchived)
                {
                    repos.Add(repo.GetProperty("full_name").GetString()!);
                }
            }

            url = GitHubLinkHeader.Next(response.Headers.TryGetValues("Link", out var link) ? string.Join(", ", link) : null)?.ToString();
        }

        return repos;
    }

    private static string? GraphQlErrors(JsonElement root) =>
        root.TryGetProperty("errors", out var errors) && errors.ValueKind == JsonValueKind.Array && errors.GetArrayLength() > 0
            ? string.Join("; ", errors.EnumerateArray().Select(e => e.TryGetProperty("message", out var m) ? m.GetString() : e.GetRawText()))
            : null;

    private static string IssuesByCreation(string repo, int page) => GitHubEndpoints.Issues(
        repo, string.Create(CultureInfo.InvariantCulture, $"state=all&sort=created&direction=asc&per_page={PageSize}&page={page}"));

    private static string IssuesFrom(string repo, DateTimeOffset? since) => GitHubEndpoints.Issues(
        repo,
        $"state=all&sort=updated&direction=asc&per_page={PageSize}"
        + (since is { } s ? "&since=" + s.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture) : ""));
}
