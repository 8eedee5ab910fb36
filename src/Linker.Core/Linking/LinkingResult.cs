using OkrLinker.Core.Reports;

namespace OkrLinker.Core.Linking;

public sealed record LinkingResult(IReadOnlyList<LinkedItem> Items, IReadOnlyList<Finding> Findings)
{
    /// <summary>The parent and reference graphs of <see cref="Items"/>; null on results made by hand.</summary>
    internal LinkGraphs? Graphs { get; init; }
}
