using System.Runtime.CompilerServices;
using OkrLinker.Connectors.Http;
using OkrLinker.Core.Configuration;
using OkrLinker.Core.Items;
using OkrLinker.Core.Sources;

namespace OkrLinker.Connectors.Jira;

/// <summary>
/// The Jira source (<c>Kind: "jira"</c>), Cloud or Data Center: one scope per entry of <c>Projects</c>, or the
/// configured <c>Jql</c> as one scope (DESIGN.md §6 traps 1–4, 9, 10).
/// </summary>
/// <remarks>
/// A run asks for <c>(scope) AND updated &gt;= since ORDER BY created ASC, key ASC</c>, since in UTC epoch
/// milliseconds; the next run's since is the newest <c>updated</c> read (never later than the run's start)
/// less the overlap, which also brings back issues Jira's search had not indexed yet. A run without a cursor
/// (the first, <c>sync --full</c>, the daily sweep) reads the whole scope, so the sync engine can mark what it
/// no longer returned as Removed; a moved issue arrives in its new project's scope under the same id. A refused
/// login (401, or Jira Cloud's anonymous 200 with <c>X-Seraph-LoginReason</c>) fails the source before any page
/// is committed, so a refused read never looks like an emptied tracker. On Data Center, once the first page of a
/// read says how many issues match, the following pages are read by <c>startAt</c> up to
/// <c>Http.MaxConcurrentRequests</c> at a time, overlapping by one issue so a shifted offset is seen
/// (<see cref="ReadSideBySideAsync"/>); Cloud's <c>nextPageToken</c> chain is read one page after the other.
/// </remarks>
/// <param name="concurrency">Data Center search pages in flight at once (<c>Http.MaxConcurrentRequests</c>).</param>
internal sealed class JiraSource(SourceOptions options, SourceClient http, TeamResolver teams, TimeProvider time, JiraFlavor? flavor, int concurrency = 1)
    : IWorkItemSource, IIdSweepSource, ISourceCheck, IDisposable
{
    public const string Kind = "jira";
    public const string JqlScope = "jql";

    // Field ids change only when an admin edits fields: discovered once per run, not once per scope.
    private static readonly TimeSpan FieldsKeptFor = TimeSpan.FromMinutes(5);

    private readonly JiraSearch search = new(http);
    private readonly SemaphoreSlim discovery = new(1, 1);
    private JiraFlavor? detected = flavor;
    private (JiraFields Fields, DateTimeOffset At)? fields;

    public string Name => options.Name;

    public void Dispose()
    {
        http.Dispose();
        discovery.Dispose();
    }

    public Task<IReadOnlyList<SourceScope>> GetScopesAsync(CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<SourceScope>>(options.Projects.Count > 0
            ? [.. options.Projects.Select(p => new SourceScope(Name, p.Trim()))]
            : [new SourceScope(Name, JqlScope)]);

    public Task<IReadOnlyList<CheckLine>> CheckAsync(CancellationToken cancellationToken) =>
        new JiraSourceCheck(this, options, http, search).RunAsync(cancellationToken);

    public async IAsyncEnumerable<WorkItemPage> ReadAsync(SourceScope scope, string? cursor, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var at = JiraCursor.Parse(cursor);
        var site = await FlavorAsync(cancellationToken);
        var found = await FieldsAsync(cancellationToken);
        var parser = new JiraIssueParser(options, teams, found.Catalog);
        var scopeJql = ScopeJql(scope);
        var jql = JiraJql.Search(scopeJql, at.Since, at.AfterCreated);
        var position = new JiraReadPosition(at, at.RunStartedAt ?? time.GetUtcNow().ToUnixTimeMilliseconds(), options.Overlap);
        var what = $"the issues of {Describe(scope)}";
        var sideBySide = site == JiraFlavor.DataCenter && concurrency > 1;
        string? token = null;
        var startAt = position.AtAfterCreated;
        while (true)
        {
            var page = await search.PageAsync(site, parser, jql, found.ForSearch(), token, startAt, JiraSearch.PageSize, what, cancellationToken);

            // A resumed run asks for created >= the last committed instant; what it committed there already is dropped.
            var last = page.IsLast || page.Items.Count == 0 || (site == JiraFlavor.Cloud && page.NextPageToken is null);
            yield return position.Take(page.Items, last);
            if (last)
            {
                yield break;
            }

            token = page.NextPageToken;
            if (site != JiraFlavor.DataCenter)
            {
                continue;
            }

            if (sideBySide && page.Total is { } total && page.Items.Count == JiraSearch.PageSize)
            {
                sideBySide = false;
                var done = false;
                await foreach (var ahead in ReadSideBySideAsync(site, parser, jql, found.ForSearch(), startAt, total, page.Items[^1].ExternalId, what, cancellationToken))
                {
                    done = ahead.Last;
                    yield return position.Take(ahead.Items, ahead.Last);
                }

                if (done)
                {
                    yield break;
                }
            }

            // Offsets shift when an issue already read is deleted or leaves the JQL during the run; counted
            // from the last instant read, only issues created in that same millisecond could shift.
            jql = JiraJql.Search(scopeJql, at.Since, position.AfterCreated);
            startAt = position.AtAfterCreated;
        }
    }

    /// <summary>
    /// The rest of a Data Center search after its first page (at <paramref name="startAt"/>, a full page, of
    /// <paramref name="total"/>): the following pages by <c>startAt</c>, up to <see cref="concurrency"/> in flight,
    /// handed out in order. Each asks for one issue more than a page, starting at the previous page's last issue, so
    /// two neighbours overlap by one issue; as long as they do, no issue that existed throughout the read can lie
    /// between them however offsets shifted (an issue deleted, moved away or into the scope). The first page that
    /// does not start with its predecessor's last issue (or comes back empty) ends this read unused; the caller goes on
    /// by <c>created</c> from the last page committed, which pages by what an issue is, not by where it sits.
    /// Pages read ahead of a failure, a mismatch or a stop are dropped, none committed; and the cursor of every page
    /// handed out is the keyset one, so a crash resumes from the last committed issue.
    /// </summary>
    private async IAsyncEnumerable<(IReadOnlyList<WorkItem> Items, bool Last)> ReadSideBySideAsync(
        JiraFlavor site, JiraIssueParser parser, string jql, IReadOnlyList<string> fields, int startAt, int total, string joint, string what,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var offsets = new List<int>();
        for (var from = startAt + JiraSearch.PageSize - 1; from + 1 < total; from += JiraSearch.PageSize)
        {
            offsets.Add(from);
        }

        await using var pages = new OrderedReads<JiraSearchPage>(
            offsets.Select(from => (Func<CancellationToken, Task<JiraSearchPage>>)(ct =>
                search.PageAsync(site, parser, jql, fields, null, from, JiraSearch.PageSize + 1, what, ct))),
            concurrency,
            cancellationToken);
        while (await pages.NextAsync() is { } page)
        {
            if (page.Items.Count < 2 || page.Items[0].ExternalId != joint)
            {
                yield break;
            }

            yield return (page.Items, page.IsLast);
            if (page.IsLast)
            {
                yield break;
            }

            joint = page.Items[^1].ExternalId;
        }
    }

    /// <summary>
    /// The sweep's read (DESIGN.md §6 trap 10): ids and keys only, which Jira Cloud pages by the thousand. Data Center
    /// also asks for <c>created</c>, to page from the last instant read as the item read does.
    /// </summary>
    public async IAsyncEnumerable<IReadOnlyList<ItemStamp>> ReadStampsAsync(SourceScope scope, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var site = await FlavorAsync(cancellationToken);
        var parser = new JiraIssueParser(options, TeamResolver.Empty, JiraFieldCatalog.Empty);
        IReadOnlyList<string> fields = site == JiraFlavor.Cloud ? ["key"] : ["key", "created"];
        var size = site == JiraFlavor.Cloud ? JiraSearch.IdPageSize : JiraSearch.DataCenterIdPageSize;
        var scopeJql = ScopeJql(scope);
        long? afterCreated = null;
        var afterIds = new HashSet<string>(StringComparer.Ordinal);
        string? token = null;
        while (true)
        {
            var page = await search.PageAsync(
                site, parser, JiraJql.Search(scopeJql, null, afterCreated), fields, token, afterIds.Count, size, $"the ids of {Describe(scope)}", cancellationToken);
            yield return [.. page.Items.Where(i => !afterIds.Contains(i.ExternalId)).Select(i => new ItemStamp(i.ExternalId, i.Key))];
            if (page.IsLast || page.Items.Count == 0 || (site == JiraFlavor.Cloud && page.NextPageToken is null))
            {
                yield break;
            }

            token = page.NextPageToken;
            if (site == JiraFlavor.DataCenter)
            {
                var lastCreated = Millis(page.Items[^1].Created);
                if (lastCreated != afterCreated)
                {
                    afterIds.Clear();
                    afterCreated = lastCreated;
                }

                afterIds.UnionWith(page.Items.Where(i => Millis(i.Created) == lastCreated).Select(i => i.ExternalId));
            }
        }
    }

    /// <summary>Issues by id, wherever they are now: a moved issue no longer matches its old scope's JQL.</summary>
    public async Task<IReadOnlyList<WorkItem>> ReadItemsAsync(SourceScope scope, IReadOnlyList<string> ids, CancellationToken cancellationToken)
    {
        var site = await FlavorAsync(cancellationToken);
        var found = await FieldsAsync(cancellationToken);
        var parser = new JiraIssueParser(options, teams, found.Catalog);
        var jql = JiraJql.Search($"id in ({string.Join(", ", ids)})", null, null);
        var page = await search.PageAsync(site, parser, jql, found.ForSearch(), null, 0, ids.Count, $"{ids.Count} issues found by the sweep of {Describe(scope)}", cancellationToken);
        return page.Items;
    }

    /// <summary>The scope's JQL without the incremental narrowing.</summary>
    internal string ScopeJql(SourceScope scope) =>
        scope.Id == JqlScope && options.Projects.Count == 0 ? JiraJql.ForScope(null, options.Jql) : JiraJql.ForScope(scope.Id, options.Jql);

    internal static string Describe(SourceScope scope) => scope.Id == JqlScope ? "the configured JQL" : $"project {scope.Id}";

    /// <summary>The site's flavour: configured, or read once from <c>serverInfo</c> (<c>deploymentType</c>).</summary>
    internal async Task<JiraFlavor> FlavorAsync(CancellationToken cancellationToken)
    {
        if (detected is { } known)
        {
            return known;
        }

        detected = await ReadFlavorAsync(http, cancellationToken);
        return detected.Value;
    }

    /// <summary>The site's flavour as <c>serverInfo</c>'s <c>deploymentType</c> says.</summary>
    internal static async Task<JiraFlavor> ReadFlavorAsync(SourceClient http, CancellationToken cancellationToken)
    {
        using var doc = await http.GetJsonAsync("rest/api/2/serverInfo", "serverInfo", cancellationToken);
        var type = doc.RootElement.TryGetProperty("deploymentType", out var t) ? t.GetString() : null;
        return string.Equals(type, "Cloud", StringComparison.OrdinalIgnoreCase) ? JiraFlavor.Cloud : JiraFlavor.DataCenter;
    }

    /// <summary>The site's field ids for the configured names, from <c>/field</c> at most once per few minutes.</summary>
    internal async Task<JiraFields> FieldsAsync(CancellationToken cancellationToken)
    {
        await discovery.WaitAsync(cancellationToken);
        try
        {
            var now = time.GetUtcNow();
            if (fields is { } kept && now - kept.At < FieldsKeptFor)
            {
                return kept.Fields;
            }

            var site = await FlavorAsync(cancellationToken);
            using var doc = await http.GetJsonAsync(JiraSearch.ApiRoot(site) + "field", "the field list", cancellationToken);
            var found = JiraFields.Discover(JiraFieldCatalog.Parse(doc.RootElement), options);
            fields = (found, now);
            return found;
        }
        finally
        {
            discovery.Release();
        }
    }

    private static long Millis(DateTimeOffset at) => at.ToUnixTimeMilliseconds();
}
