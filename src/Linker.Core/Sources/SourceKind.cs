using OkrLinker.Core.Configuration;

namespace OkrLinker.Core.Sources;

/// <summary>
/// How a connector enters: its <c>Add…Source</c> extension registers one of these, and the
/// <c>Kind</c> of each configured source picks the one that builds it.
/// </summary>
/// <param name="Kind">The <c>Sources[].Kind</c> value, matched case-insensitively.</param>
/// <param name="Create">Builds the source for one configured entry; throws <see cref="SourceException"/> on bad settings.</param>
public sealed record SourceKind(string Kind, Func<IServiceProvider, SourceOptions, IWorkItemSource> Create);
