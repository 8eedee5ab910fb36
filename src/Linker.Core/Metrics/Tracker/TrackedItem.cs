using OkrLinker.Core.Items;

namespace OkrLinker.Core.Metrics.Tracker;

/// <summary>
/// What the tracker provider keeps of one stored item for one metric: its times, points, category now, and whether
/// the metric's <c>where</c> matches it as it stands now and as it stood while it was still open. Only the category
/// changes with the moment (<see cref="TrackerMoment"/>), so the rules are matched at most twice per item rather than
/// once per day of the range, and a million items take tens of megabytes rather than gigabytes.
/// </summary>
internal readonly record struct TrackedItem(
    DateTimeOffset Created,
    DateTimeOffset? ClosedAt,
    StateCategory Category,
    double? StoryPoints,
    bool MatchesNow,
    bool MatchesWhileOpen);
