namespace OkrLinker.Core.Reports;

public sealed record UnlinkedItem(string Source, string Key, string Title, string? Url, string Team, string Type, string State, double? Points);
