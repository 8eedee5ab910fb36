namespace OkrLinker.Worker.Tests.EndToEnd;

/// <summary>One tracker item as this test reads it from a sample file, with nothing from OkrLinker's own parsers.</summary>
/// <param name="Id">The id a child's parent reference names (Jira issue id, ADO id, GitHub issue API url).</param>
/// <param name="Body">The description where the export has one (GitHub), searched for references like the title.</param>
internal sealed record SampleItem(
    string Source,
    string Id,
    string Key,
    string Title,
    string Type,
    SampleCategory Category,
    string Team,
    IReadOnlyList<string> Labels,
    IReadOnlyList<string> Components,
    string? KrField,
    string? ParentId,
    double? Points,
    DateTimeOffset Created,
    DateTimeOffset? Resolved,
    string? Body = null);
