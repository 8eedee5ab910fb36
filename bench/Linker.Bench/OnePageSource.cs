using System.Runtime.CompilerServices;
using OkrLinker.Core.Items;
using OkrLinker.Core.Sources;

namespace OkrLinker.Bench;

/// <summary>A source that returns its items as one page, as the files source does with one CSV file.</summary>
internal sealed class OnePageSource(IReadOnlyList<WorkItem> items) : IWorkItemSource
{
    public const string ScopeId = "all";

    public string Name => "csv";

    public IReadOnlyList<WorkItem> Items { get; set; } = items;

    public Task<IReadOnlyList<SourceScope>> GetScopesAsync(CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<SourceScope>>([new SourceScope(Name, ScopeId)]);

    public async IAsyncEnumerable<WorkItemPage> ReadAsync(
        SourceScope scope, string? cursor, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await Task.Yield();
        yield return new WorkItemPage(Items, "end");
    }
}
