namespace OkrLinker.Core.Okrs;

/// <summary>The objectives and key results of one period, as loaded from okrs.yaml (DESIGN.md §4).</summary>
public sealed record OkrSet(Period Period, IReadOnlyList<Objective> Objectives, IReadOnlyList<PastPeriod> PastPeriods)
{
    /// <summary>Every KR of the set, in file order.</summary>
    public IEnumerable<KeyResult> KeyResults => Objectives.SelectMany(o => o.KeyResults);

    /// <summary>The KR with this id, matched case-insensitively, or null.</summary>
    public KeyResult? FindKeyResult(string id) =>
        KeyResults.FirstOrDefault(kr => string.Equals(kr.Id, id.Trim(), StringComparison.OrdinalIgnoreCase));

    /// <summary>The ended period that had a KR with this id, matched case-insensitively, or null.</summary>
    public PastPeriod? FindPastPeriod(string id) =>
        PastPeriods.FirstOrDefault(p => p.KeyResultIds.Any(k => string.Equals(k, id.Trim(), StringComparison.OrdinalIgnoreCase)));
}
