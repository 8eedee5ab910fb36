namespace OkrLinker.Worker.Tests.GitHub;

/// <summary>What a synced GitHub item must look like, in a form the store and the fake's data set both give.</summary>
public sealed record StoredItem(string Id, string Key, string Title, string Category, string Labels, string? ParentKey, string Kr);
