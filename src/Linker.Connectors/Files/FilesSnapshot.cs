namespace OkrLinker.Connectors.Files;

/// <summary>The data files of a files source's folder at one moment.</summary>
/// <param name="Pages">One page each, in ordinal file-name order.</param>
/// <param name="Catalog">The Jira field catalogue, if the folder has one.</param>
/// <param name="All">Pages and catalogue, in ordinal file-name order: what the fingerprint covers.</param>
internal sealed record FilesSnapshot(IReadOnlyList<FileInfo> Pages, FileInfo? Catalog, IReadOnlyList<FileInfo> All);
