namespace OkrLinker.Core.Reports;

/// <summary>The same as <see cref="Totals"/>, summed over the in-scope items that have story points.</summary>
public sealed record PointTotals(double Total, double Linked, double Bau, double Unlinked, double UnlinkedShare);
