namespace OkrLinker.Core.Reports;

/// <summary>In-scope items of the week by bucket; <see cref="UnlinkedShare"/> = unlinked / items (0 when none).</summary>
public sealed record Totals(int Items, int Linked, int Bau, int Unlinked, double UnlinkedShare, PointTotals Points);
