namespace OkrLinker.Core.Reports;

public sealed record ObjectiveReport(string Id, string Title, IReadOnlyList<KeyResultReport> KeyResults);
