using System.Globalization;
using System.Runtime.CompilerServices;
using OkrLinker.Core.Items;
using OkrLinker.Core.Sources;

namespace OkrLinker.Core.Tests.Support;

/// <summary>
/// A source over an in-memory list, one scope, <see cref="PageSize"/> items a page; the cursor is the
/// index of the next item. <see cref="FailAfterPages"/> makes it throw mid-read, like a dropped connection.
/// </summary>
public sealed class FakeSource(string name, List<WorkItem> items) : IWorkItemSource
{
    public const string ScopeId = "all";

    public string Name => name;

    public List<WorkItem> Items { get; } = items;

    public int PageSize { get; init; } = 3;

    public int? FailAfterPages { get; set; }

    public List<string?> CursorsAsked { get; } = [];

    public Task<IReadOnlyList<SourceScope>> GetScopesAsync(CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<SourceScope>>([new SourceScope(name, ScopeId)]);

    public async IAsyncEnumerable<WorkItemPage> ReadAsync(
        SourceScope scope, string? cursor, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        CursorsAsked.Add(cursor);
        var next = cursor is null ? 0 : int.Parse(cursor, CultureInfo.InvariantCulture);
        var pages = 0;
        while (next < Items.Count)
        {
            if (pages == FailAfterPages)
            {
                throw new HttpRequestException("connection reset by peer");
            }

            await Task.Yield();
            var page = Items.Skip(next).Take(PageSize).ToList();
            next += page.Count;
            pages++;
            yield return new WorkItemPage(page, next.ToString(CultureInfo.InvariantCulture));
        }
    }
}
