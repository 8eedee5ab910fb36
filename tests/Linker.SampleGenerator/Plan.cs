namespace OkrLinker.Samples;

/// <summary>What an item's state will be at export time, seen from week 2026-W47.</summary>
internal enum Plan
{
    ToDo,
    InProgress,
    DoneInWeek,
    DoneEarlier,
    Removed,
}
