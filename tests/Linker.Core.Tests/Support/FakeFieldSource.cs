using System.Runtime.CompilerServices;
using OkrLinker.Core.Sources;

namespace OkrLinker.Core.Tests.Support;

/// <summary>A field stream (like a GitHub project): every run yields every value, two a page.</summary>
public sealed class FakeFieldSource(string name, Dictionary<string, string[]> values) : IWorkItemSource
{
    public const string ScopeId = "project:7";

    public string Name => name;

    public Dictionary<string, string[]> Values { get; } = values;

    public SourceScope Scope => new(name, ScopeId) { FieldStream = true };

    public Task<IReadOnlyList<SourceScope>> GetScopesAsync(CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<SourceScope>>([Scope]);

    public async IAsyncEnumerable<WorkItemPage> ReadAsync(
        SourceScope scope, string? cursor, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        foreach (var chunk in Values.Chunk(2))
        {
            await Task.Yield();
            yield return new WorkItemPage([], "whole-project")
            {
                FieldValues = chunk.Select(kv => new KrFieldValue(kv.Key, kv.Value)).ToList(),
            };
        }
    }
}
