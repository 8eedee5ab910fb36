namespace OkrLinker.Fakes;

/// <summary>A 1-based line and column in the query text.</summary>
public readonly record struct FakeGraphQLLocation(int Line, int Column);
