namespace OkrLinker.Core.Reports;

/// <summary>One week of the trend. <see cref="Reconstructed"/>: no snapshot was taken that week, so it was worked out from the store.</summary>
public sealed record TrendPoint(string Week, double UnlinkedShare, bool Reconstructed);
