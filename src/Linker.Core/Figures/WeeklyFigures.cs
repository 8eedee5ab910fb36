using OkrLinker.Core.Reports;

namespace OkrLinker.Core.Figures;

/// <summary>The figures of one week (DESIGN.md §8), before findings and trend make them a report.</summary>
public sealed record WeeklyFigures(
    IsoWeek Week,
    DateTimeOffset From,
    DateTimeOffset To,
    Totals Totals,
    IReadOnlyList<TeamFigures> Teams,
    IReadOnlyList<ObjectiveReport> Objectives,
    IReadOnlyList<UnlinkedItem> UnlinkedItems);
