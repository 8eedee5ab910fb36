namespace OkrLinker.Core.Okrs;

public sealed record Objective(string Id, string Title, IReadOnlyList<string> Teams, IReadOnlyList<KeyResult> KeyResults);
