namespace OkrLinker.Core.Okrs;

/// <summary>
/// An ended period whose KR ids tickets may still carry; a tag naming one is a <c>stale-kr-tag</c>
/// finding, not a link (DESIGN.md §7).
/// </summary>
public sealed record PastPeriod(string Name, IReadOnlyList<string> KeyResultIds);
