namespace OkrLinker.Core.Reports;

/// <summary>The weekly report, schemaVersion 1 (DESIGN.md §9). Shares are fractions 0–1 rounded to 4 places.</summary>
public sealed record WeeklyReport(
    int SchemaVersion,
    string Week,
    DateTimeOffset From,
    DateTimeOffset To,
    DateTimeOffset GeneratedAt,
    string Period,
    Totals Totals,
    IReadOnlyList<TeamFigures> Teams,
    IReadOnlyList<ObjectiveReport> Objectives,
    IReadOnlyList<UnlinkedItem> UnlinkedItems,
    IReadOnlyList<Finding> Findings,
    IReadOnlyList<TrendPoint> Trend)
{
    public const int CurrentSchemaVersion = 1;
}
