namespace OkrLinker.Core.Reports;

public sealed record TeamFigures(string Team, int Items, int Linked, int Bau, int Unlinked, double UnlinkedShare, PointTotals Points);
