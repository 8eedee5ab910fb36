using OkrLinker.Core.Configuration;

namespace OkrLinker.Core.WriteBack;

/// <summary>How a connector offers write-back: its <c>Add…Source</c> registers one, matched by the source's <c>Kind</c>.</summary>
/// <param name="Create">Builds a writer for one source entry and its write token (never logged).</param>
public sealed record TagWriterKind(string Kind, Func<IServiceProvider, SourceOptions, string, ITagWriter> Create);
