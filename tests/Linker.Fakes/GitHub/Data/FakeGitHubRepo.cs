namespace OkrLinker.Fakes;

/// <summary>A repository of the fake's owner.</summary>
public sealed record FakeGitHubRepo(string Name, long Id, bool Archived = false, bool Private = false);
