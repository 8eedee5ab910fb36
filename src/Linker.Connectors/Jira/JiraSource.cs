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
/// is committed, so a refused read never looks like an emptied tracker.
/// </remarks>
internal sealed class JiraSource(SourceOptions options, SourceClient http, TeamResolver teams, TimeProvider time, JiraFlavor? flavor)
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
        var runStartedAt = at.RunStartedAt ?? time.GetUtcNow().ToUnixTimeMilliseconds();
        var newest = at.Newest;
        var afterCreated = at.AfterCreated;
        var afterIds = new HashSet<string>(at.AfterIds ?? [], StringComparer.Ordinal);
        string? token = null;
        var startAt = afterIds.Count;
        while (true)
        {
            var page = await search.PageAsync(site, parser, jql, found.ForSearch(), token, startAt, JiraSearch.PageSize, $"the issues of {Describe(scope)}", cancellationToken);

            // A resumed run asks for created >= the last committed instant; what it committed there already is dropped.
            var items = page.Items.Where(i => afterCreated is not { } after || Millis(i.Created) > after
                || (Millis(i.Created) == after && !afterIds.Contains(i.ExternalId))).ToList();
            foreach (var item in page.Items)
            {
                newest = Math.Max(newest ?? long.MinValue, Millis(item.Updated));
            }

            if (page.Items.Count > 0)
            {
                var lastCreated = Millis(page.Items[^1].Created);
                if (lastCreated != afterCreated)
                {
                    afterIds.Clear();
                    afterCreated = lastCreated;
                }

                afterIds.UnionWith(page.Items.Where(i => Millis(i.Created) == lastCreated).Select(i => i.ExternalId));
            }

            var last = page.IsLast || page.Items.Count == 0 || (site == JiraFlavor.Cloud && page.NextPageToken is null);
            var next = last
                ? new JiraCursor(NextSince(at.Since, newest, runStartedAt), null, null, null, null)
                : new JiraCursor(at.Since, runStartedAt, newest, afterCreated, [.. afterIds]);
            yield return new WorkItemPage(items, next.ToString());
            if (last)
            {
                yield break;
            }

            token = page.NextPageToken;
            if (site == JiraFlavor.DataCenter)
            {
                // Offsets shift when an issue already read is deleted or leaves the JQL during the run; counted
                // from the last instant read, only issues created in that same millisecond could shift.
                jql = JiraJql.Search(scopeJql, at.Since, afterCreated);
                startAt = afterIds.Count;
            }
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

    // Never later than the run's start: an issue edited during a run (or while a crashed run waited to resume)
    // may sort before what the run read last, and must be read again next time.
    private long? NextSince(long? since, long? newest, long runStartedAt)
    {
        if (newest is not { } seen)
        {
            return since;
        }

        var next = Math.Min(seen, runStartedAt) - (long)options.Overlap.TotalMilliseconds;
        return since is { } previous && previous > next ? previous : next;
    }

    private static long Millis(DateTimeOffset at) => at.ToUnixTimeMilliseconds();
}
