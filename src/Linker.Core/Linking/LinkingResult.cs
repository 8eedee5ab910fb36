using OkrLinker.Core.Reports;

namespace OkrLinker.Core.Linking;

public sealed record LinkingResult(IReadOnlyList<LinkedItem> Items, IReadOnlyList<Finding> Findings);
