namespace OkrLinker.Worker.Tests.Jira;

/// <summary>What a synced Jira issue must look like, in a form the store and the fake's data set both give.</summary>
public sealed record JiraStoredItem(
    string Id, string Key, string Title, string Type, string Category, string Team, string Project, string Labels, string Components,
    string? ParentId, string? ParentKey, string Kr, double? Points, DateTimeOffset Created, DateTimeOffset Updated, DateTimeOffset? Resolved);
