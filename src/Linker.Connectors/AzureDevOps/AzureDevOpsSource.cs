using System.Globalization;
using System.Net;
using System.Runtime.CompilerServices;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using OkrLinker.Connectors.Http;
using OkrLinker.Connectors.Parsing;
using OkrLinker.Core.Configuration;
using OkrLinker.Core.Items;
using OkrLinker.Core.Sources;

namespace OkrLinker.Connectors.AzureDevOps;

/// <summary>
/// The Azure DevOps source (<c>Kind: "azure-devops"</c>), for Azure DevOps Services and Server: one scope per
/// configured team project, optionally narrowed by <c>AreaPaths</c> and a <c>Wiql</c> condition.
/// </summary>
/// <remarks>
/// A read runs WIQL slices of at most <see cref="SliceSize"/> ids, each starting where the committed cursor
/// ends (ChangedDate to the second, minus the overlap, the copies already committed there left out by (rev, id)),
/// ordered by ChangedDate and Id with <c>timePrecision=true</c>; no query comes near WIQL's 20,000 cap however
/// many items changed on one day. Each slice's ids are read by <c>workitemsbatch</c>, 200 at a time with an
/// explicit field list, and every batch is one page with its own cursor, so a crash repeats at most one batch.
/// A slice's batches are read up to <c>Http.MaxConcurrentRequests</c> at a time and handed out in WIQL order
/// (each cursor is worked out after the batches before it), so a first sync waits on about one round trip per
/// that many batches instead of one per batch; what was read ahead of a failure is dropped, never committed.
/// Should a server count the cap before <c>$top</c> (VS402337 anyway), the slice gets an upper ChangedDate bound,
/// halved until it passes. State categories come from the process, read once per work item type per run.
/// Deletions and moves out of the project never show up here; the engine's full sync (the reconciliation sweep)
/// marks what the project no longer returns as Removed, and a moved item is stored again under its new project.
/// </remarks>
internal sealed partial class AzureDevOpsSource(
    SourceOptions options, AzureDevOpsApi api, AzureDevOpsWorkItemParser parser, TimeProvider time, ILogger logger, int concurrency = 1)
    : IWorkItemSource, ISourceCheck, IDisposable
{
    public const string Kind = "azure-devops";

    /// <summary>Ids per WIQL query: five full batches, far below the 20,000 cap.</summary>
    public const int SliceSize = 1000;

    /// <summary>workitemsbatch takes at most 200 ids (VS403474).</summary>
    public const int BatchSize = 200;

    /// <summary>Copies remembered inside the overlap window; beyond this the oldest are simply read again.</summary>
    private const int MaxRemembered = 500;

    private const string CapCode = "VS402337";

    // The lower edge a bounded slice starts from when the cursor has none: older than any work item.
    private static readonly DateTimeOffset Beginning = new(2000, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private readonly IReadOnlyList<string> fields = FieldList(parser);

    public string Name => options.Name;

    public void Dispose() => api.Dispose();

    public Task<IReadOnlyList<SourceScope>> GetScopesAsync(CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<SourceScope>>([.. options.Projects.Select(p => new SourceScope(Name, p))]);

    public IAsyncEnumerable<WorkItemPage> ReadAsync(SourceScope scope, string? cursor, CancellationToken cancellationToken) =>
        ReadProjectAsync(scope.Id, AzureDevOpsCursor.Parse(cursor), cancellationToken);

    public async Task<IReadOnlyList<CheckLine>> CheckAsync(CancellationToken cancellationToken)
    {
        var check = new SourceCheckList(Name);
        var reachable = await check.AddAsync("organization", async ct =>
        {
            using var doc = await api.GetAsync("_apis/connectionData", "connectionData", ct);
            var user = JsonRead.Str(JsonRead.Obj(doc.RootElement, "authenticatedUser") ?? default, "providerDisplayName") ?? "?";
            return $"reachable, PAT accepted for {user}, api-version {api.ApiVersion}";
        }, cancellationToken);
        if (!reachable)
        {
            return check.Lines;
        }

        foreach (var project in options.Projects)
        {
            if (!await check.AddAsync(project, async ct =>
            {
                using var doc = await api.GetAsync($"_apis/projects/{AzureDevOpsApi.Segment(project)}", $"project {project}", ct);
                return $"visible ({JsonRead.Str(doc.RootElement, "state") ?? "?"}, {JsonRead.Str(doc.RootElement, "visibility") ?? "?"})";
            }, cancellationToken))
            {
                continue;
            }

            await check.AddAsync($"{project} work items", async ct =>
            {
                try
                {
                    return await NewestAsync(project, ct);
                }
                catch (SourceException ex) when (ex.WholeSource)
                {
                    // The organization and the project answered, so the PAT is valid; only its scope can be short.
                    throw new SourceException(Name, $"{ex.Message} The PAT needs the scope Work Items (Read).", ex);
                }
            }, cancellationToken);
            await CheckStatesAsync(check, project, cancellationToken);
        }

        return check.Lines;
    }

    private async IAsyncEnumerable<WorkItemPage> ReadProjectAsync(
        string project, AzureDevOpsCursor cursor, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var categories = new ProcessCategories(api, project);
        var mark = cursor.Mark;
        var seen = cursor.Seen.ToDictionary(s => s.Id);
        DateTimeOffset? windowDone = null;
        TimeSpan? width = null;
        while (true)
        {
            var from = mark is { } m ? AzureDevOpsWiql.ToSecond(m) - options.Overlap : (DateTimeOffset?)null;
            if (windowDone is { } done && (from is null || done > from))
            {
                from = done;
            }

            DateTimeOffset? to = width is { } w ? (from ?? Beginning) + w : null;
            var exclude = seen.Values.Where(s => from is null || s.Changed >= from).ToList();
            var wiql = AzureDevOpsWiql.Slice(project, options.AreaPaths, options.Wiql, from, to, exclude);
            WiqlResult slice;
            try
            {
                slice = await api.QueryAsync(project, wiql, SliceSize, cancellationToken);
            }
            catch (HttpRequestException ex) when (ex.StatusCode == HttpStatusCode.BadRequest && ex.Message.Contains(CapCode, StringComparison.Ordinal))
            {
                width = Halve(width ?? time.GetUtcNow() - (from ?? Beginning), project);
                LogCapNarrowed(Name, project, from, width.Value);
                continue;
            }

            LogSlice(Name, project, from, to, exclude.Count, slice.Ids.Count);
            // The slice's batches up to `concurrency` at a time, handed out in WIQL order, so each cursor below is
            // worked out after every earlier batch was committed; any read ahead of a failure or a stop is dropped.
            await using var batches = new OrderedReads<JsonDocument>(
                slice.Ids.Chunk(BatchSize).Select(batch => (Func<CancellationToken, Task<JsonDocument>>)(ct => FetchBatchAsync(project, batch, ct))),
                concurrency,
                cancellationToken);
            while (await batches.NextAsync() is { } doc)
            {
                var (items, read) = await ReadBatchAsync(project, doc, categories, cancellationToken);
                foreach (var copy in read)
                {
                    seen[copy.Id] = copy;

                    // A copy changed after the query no longer sits where WIQL placed it; only unchanged ones move the mark.
                    if (copy.Changed <= slice.AsOf && (mark is null || copy.Changed > mark))
                    {
                        mark = copy.Changed;
                    }
                }

                seen = Remember(seen, mark);
                yield return new WorkItemPage(items, new AzureDevOpsCursor(mark, [.. seen.Values.OrderBy(s => s.Changed).ThenBy(s => s.Id)]).ToString());
            }

            if (slice.Ids.Count < SliceSize)
            {
                if (to is null || to >= slice.AsOf)
                {
                    yield break;
                }

                windowDone = to; // everything before the bound is read; slide the window on
            }
        }
    }

    private async Task<JsonDocument> FetchBatchAsync(string project, IReadOnlyList<int> ids, CancellationToken cancellationToken)
    {
        try
        {
            return await api.BatchAsync(ids, fields, $"work items of {project}", cancellationToken);
        }
        catch (HttpRequestException ex) when (ex.StatusCode == HttpStatusCode.BadRequest && ex.Message.Contains("TF51535", StringComparison.Ordinal))
        {
            throw new SourceException(Name, $"Source '{Name}': a field it reads does not exist in this organization ({ex.Message}) — set Fields.KeyResult (and Fields.StoryPoints) to reference names that exist, e.g. Custom.KeyResult.", ex);
        }
    }

    // One batch's answer (disposed here), parsed in WIQL order: the state categories load one work item type at a time.
    private async Task<(List<WorkItem> Items, List<AzureDevOpsSeen> Read)> ReadBatchAsync(
        string project, JsonDocument doc, ProcessCategories categories, CancellationToken cancellationToken)
    {
        using (doc)
        {
            var read = new List<AzureDevOpsSeen>();
            var values = JsonRead.Items(doc.RootElement, "value").Where(v => v.ValueKind == JsonValueKind.Object).ToList();
            foreach (var value in values)
            {
                var f = JsonRead.Obj(value, "fields") ?? default;
                if (JsonRead.Str(f, "System.WorkItemType") is { } type)
                {
                    await categories.LoadAsync(type, cancellationToken);
                }

                if (value.TryGetProperty("id", out var id) && id.TryGetInt32(out var idValue)
                    && value.TryGetProperty("rev", out var rev) && rev.TryGetInt32(out var revValue)
                    && JsonRead.Time(f, "System.ChangedDate") is { } changed)
                {
                    read.Add(new AzureDevOpsSeen(idValue, revValue, changed));
                }
            }

            var items = values
                .Where(v => string.Equals(JsonRead.Str(JsonRead.Obj(v, "fields") ?? default, "System.TeamProject"), project, StringComparison.OrdinalIgnoreCase))
                .Select(v => parser.ParseItem(v, categories.Find))
                .OfType<WorkItem>()
                .ToList();
            return (items, read);
        }
    }

    private Dictionary<int, AzureDevOpsSeen> Remember(Dictionary<int, AzureDevOpsSeen> seen, DateTimeOffset? mark)
    {
        if (mark is not { } m)
        {
            return seen;
        }

        var from = AzureDevOpsWiql.ToSecond(m) - options.Overlap;
        return seen.Values
            .Where(s => s.Changed >= from)
            .OrderByDescending(s => s.Changed)
            .Take(MaxRemembered)
            .ToDictionary(s => s.Id);
    }

    private TimeSpan Halve(TimeSpan width, string project)
    {
        if (width <= TimeSpan.FromSeconds(1))
        {
            throw new SourceException(Name, $"Source '{Name}': more than 20,000 work items of {project} changed within one second; WIQL cannot list them.")
            {
                WholeSource = false,
            };
        }

        var half = TimeSpan.FromSeconds(Math.Max(1, Math.Floor(width.TotalSeconds / 2)));
        return half;
    }

    private async Task<string> NewestAsync(string project, CancellationToken cancellationToken)
    {
        var wiql = AzureDevOpsWiql.Slice(project, options.AreaPaths, options.Wiql, null, null, []).Replace(
            "ORDER BY [System.ChangedDate], [System.Id]", "ORDER BY [System.ChangedDate] DESC", StringComparison.Ordinal);
        var newest = await api.QueryAsync(project, wiql, 1, cancellationToken);
        if (newest.Ids.Count == 0)
        {
            return "readable; the query selects no work items";
        }

        using var doc = await api.BatchAsync(newest.Ids, fields, $"work items of {project}", cancellationToken);
        var item = JsonRead.Items(doc.RootElement, "value").FirstOrDefault();
        var changed = JsonRead.Time(JsonRead.Obj(item, "fields") ?? default, "System.ChangedDate");
        return string.Create(CultureInfo.InvariantCulture, $"readable with the field list; newest change #{newest.Ids[0]} at {changed:yyyy-MM-dd HH:mm} UTC");
    }

    private async Task CheckStatesAsync(SourceCheckList check, string project, CancellationToken cancellationToken)
    {
        List<string> types = [];
        if (!await check.AddAsync($"{project} types", async ct =>
        {
            using var doc = await api.GetAsync($"{AzureDevOpsApi.Segment(project)}/_apis/wit/workitemtypes", $"the work item types of {project}", ct);
            types = [.. JsonRead.Items(doc.RootElement, "value").Select(t => JsonRead.Str(t, "name")).OfType<string>()];
            return string.Join(", ", types);
        }, cancellationToken))
        {
            return;
        }

        foreach (var type in types)
        {
            await check.AddAsync($"{project} {type}", async ct =>
            {
                var states = await api.StatesAsync(project, type, ct);
                return states.Count == 0
                    ? "no states; well-known names decide"
                    : string.Join("; ", states
                        .GroupBy(s => StateOverrides.Find(options, s.State) ?? AzureDevOpsStates.Category(s.Category) ?? WellKnownStates.Find(s.State) ?? StateCategory.ToDo)
                        .OrderBy(g => g.Key)
                        .Select(g => $"{string.Join(", ", g.Select(s => s.State))} → {g.Key}"));
            }, cancellationToken);
        }
    }

    // Explicit, so a batch carries only what the parser reads.
    private static readonly string[] SystemFields =
    [
        "System.Id", "System.Rev", "System.TeamProject", "System.WorkItemType", "System.Title", "System.State",
        "System.AreaPath", "System.IterationPath", "System.Tags", "System.Parent", "System.CreatedDate", "System.ChangedDate",
        "Microsoft.VSTS.Common.ClosedDate", "Microsoft.VSTS.Common.ResolvedDate", "System.Description",
    ];

    private static List<string> FieldList(AzureDevOpsWorkItemParser parser) =>
        [.. SystemFields.Concat(parser.PointFieldNames()).Append(parser.KeyResultReferenceName()).Distinct(StringComparer.OrdinalIgnoreCase)];

    [LoggerMessage(EventId = 7303, Level = LogLevel.Debug, Message = "Source '{Source}': WIQL slice of {Project} from {From} to {To} ({Excluded} copies left out): {Count} ids")]
    private partial void LogSlice(string source, string project, DateTimeOffset? from, DateTimeOffset? to, int excluded, int count);

    [LoggerMessage(EventId = 7304, Level = LogLevel.Warning, Message = "Source '{Source}': WIQL for {Project} from {From} hit the 20,000 cap; narrowing the slice to {Width}")]
    private partial void LogCapNarrowed(string source, string project, DateTimeOffset? from, TimeSpan width);

    /// <summary>One run's state categories of a project's process, read once per work item type.</summary>
    private sealed class ProcessCategories(AzureDevOpsApi api, string project)
    {
        private readonly Dictionary<string, Dictionary<string, StateCategory?>> byType = new(StringComparer.OrdinalIgnoreCase);

        public async Task LoadAsync(string type, CancellationToken cancellationToken)
        {
            if (byType.ContainsKey(type))
            {
                return;
            }

            var states = await api.StatesAsync(project, type, cancellationToken);
            byType[type] = states
                .GroupBy(s => s.State, StringComparer.OrdinalIgnoreCase)
                .ToDictionary(g => g.Key, g => AzureDevOpsStates.Category(g.First().Category), StringComparer.OrdinalIgnoreCase);
        }

        public StateCategory? Find(string type, string state) =>
            byType.TryGetValue(type, out var states) && states.TryGetValue(state, out var category) ? category : null;
    }
}
