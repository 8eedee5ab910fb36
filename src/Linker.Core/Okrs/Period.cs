namespace OkrLinker.Core.Okrs;

/// <summary>The OKR period; <see cref="End"/> is the last day inside it.</summary>
public sealed record Period(string Name, DateOnly Start, DateOnly End);
