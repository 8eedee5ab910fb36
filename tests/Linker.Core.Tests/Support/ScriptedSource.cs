using System.Runtime.CompilerServices;
using OkrLinker.Core.Items;
using OkrLinker.Core.Sources;

namespace OkrLinker.Core.Tests.Support;

/// <summary>
/// A source of fixed pages, one scope, that calls <see cref="BeforeRead"/> (with the 1-based page number)
/// as the read of each page begins, so a test can see what the engine had committed by then, fail a read
/// or hold it; it records whether a read was cancelled.
/// </summary>
public sealed class ScriptedSource(string name, IReadOnlyList<WorkItemPage> pages) : IWorkItemSource
{
    public const string ScopeId = "all";

    public string Name => name;

    public SourceScope Scope => new(name, ScopeId);

    /// <summary>Runs at the start of each page's read, before any await, on the engine's call to read it.</summary>
    public Func<int, CancellationToken, Task>? BeforeRead { get; init; }

    /// <summary>The pages whose read was cut off by the engine's token.</summary>
    public List<int> Cancelled { get; } = [];

    public Task<IReadOnlyList<SourceScope>> GetScopesAsync(CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<SourceScope>>([Scope]);

    public async IAsyncEnumerable<WorkItemPage> ReadAsync(
        SourceScope scope, string? cursor, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        for (var number = 1; number <= pages.Count; number++)
        {
            try
            {
                if (BeforeRead is { } hook)
                {
                    await hook(number, cancellationToken);
                }

                await Task.Yield();
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                Cancelled.Add(number);
                throw;
            }

            yield return pages[number - 1];
        }
    }
}
