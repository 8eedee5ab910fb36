namespace OkrLinker.Samples;

internal sealed record Person(string Name, string Login, string Email, string AccountId, string Guid, long GitHubId);
