namespace OkrLinker.Worker.Tests.AzureDevOps;

/// <summary>What a synced Azure DevOps work item must look like, in a form the store and the fake's data set both give.</summary>
public sealed record StoredWorkItem(
    string Id,
    string Scope,
    string Url,
    string Title,
    string Type,
    string State,
    string Category,
    string Team,
    string Area,
    string Tags,
    string Kr,
    string? ParentId,
    double? Points,
    DateTimeOffset Updated,
    DateTimeOffset? Resolved);
