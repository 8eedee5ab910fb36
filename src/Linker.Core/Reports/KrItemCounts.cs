namespace OkrLinker.Core.Reports;

public sealed record KrItemCounts(int Total, int Todo, int InProgress, int Done);
