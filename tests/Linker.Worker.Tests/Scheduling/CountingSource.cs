using System.Collections.Concurrent;
using System.Globalization;
using System.Runtime.CompilerServices;
using OkrLinker.Core.Items;
using OkrLinker.Core.Sources;

namespace OkrLinker.Worker.Tests.Scheduling;

/// <summary>
/// A source whose two scopes each read one slow page of one item; it counts runs per scope and the
/// most reads of one scope that were ever under way at once.
/// </summary>
public sealed class CountingSource(string name, TimeSpan pageTime) : IWorkItemSource
{
    private readonly ConcurrentDictionary<string, int> running = new();

    public ConcurrentDictionary<string, int> Runs { get; } = new();

    /// <summary>Runs that read from the start (no cursor): the sweep, or a first read.</summary>
    public ConcurrentDictionary<string, int> WholeReads { get; } = new();

    public int MostAtOnce { get; private set; }

    public string Name => name;

    public Task<IReadOnlyList<SourceScope>> GetScopesAsync(CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<SourceScope>>([new SourceScope(name, "a"), new SourceScope(name, "b")]);

    public async IAsyncEnumerable<WorkItemPage> ReadAsync(SourceScope scope, string? cursor, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var now = running.AddOrUpdate(scope.Id, 1, (_, n) => n + 1);
        lock (running)
        {
            MostAtOnce = Math.Max(MostAtOnce, now);
        }

        try
        {
            Runs.AddOrUpdate(scope.Id, 1, (_, n) => n + 1);
            if (cursor is null)
            {
                WholeReads.AddOrUpdate(scope.Id, 1, (_, n) => n + 1);
            }

            await Task.Delay(pageTime, cancellationToken);
            var run = Runs[scope.Id].ToString(CultureInfo.InvariantCulture);
            yield return new WorkItemPage([Item(scope.Id, run)], run);
        }
        finally
        {
            running.AddOrUpdate(scope.Id, 0, (_, n) => n - 1);
        }
    }

    private WorkItem Item(string scope, string run) => new()
    {
        Source = name,
        ExternalId = scope,
        Key = $"{scope.ToUpperInvariant()}-1",
        Title = $"Item of {scope}, run {run}",
        Type = "Story",
        State = "In Progress",
        Category = StateCategory.InProgress,
        Team = "payments",
        Created = new DateTimeOffset(2026, 11, 16, 9, 0, 0, TimeSpan.Zero),
        Updated = new DateTimeOffset(2026, 11, 17, 9, 0, 0, TimeSpan.Zero),
    };
}
