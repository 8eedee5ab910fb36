using System.Globalization;
using System.Runtime.CompilerServices;
using OkrLinker.Core.Items;
using OkrLinker.Core.Sources;

namespace OkrLinker.Bench;

/// <summary>A source that returns its items <c>pageSize</c> at a time, like a tracker's API.</summary>
internal sealed class PagedSource(IReadOnlyList<WorkItem> items, int pageSize) : IWorkItemSource
{
    public string Name => "csv";

    public Task<IReadOnlyList<SourceScope>> GetScopesAsync(CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<SourceScope>>([new SourceScope(Name, OnePageSource.ScopeId)]);

    public async IAsyncEnumerable<WorkItemPage> ReadAsync(
        SourceScope scope, string? cursor, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await Task.Yield();
        for (var next = 0; next < items.Count; next += pageSize)
        {
            yield return new WorkItemPage([.. items.Skip(next).Take(pageSize)], (next + pageSize).ToString(CultureInfo.InvariantCulture));
        }
    }
}
