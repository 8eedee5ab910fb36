using System.Runtime.CompilerServices;
using OkrLinker.Core.Items;

namespace OkrLinker.Core.Figures;

/// <summary>
/// What a KR's figures need of the non-Removed items linked to it, added up item by item in the items' order as the
/// figures pass over them once (rather than a list of the KR's items read again by a dozen LINQ queries).
/// </summary>
internal sealed class KrTally
{
    // By team id (SpellingIds): the spelling the KR's first item of that team gives, null while none has.
    private readonly List<string?> teams = [];

    public int Total { get; private set; }

    public int ToDo { get; private set; }

    public int InProgress { get; private set; }

    public int Done { get; private set; }

    /// <summary>The story points, summed in the items' order (the order LINQ's Sum had).</summary>
    public double Points { get; private set; }

    /// <summary>The latest Updated; the first of equal instants, as Max keeps it.</summary>
    public DateTimeOffset? LastActivity { get; private set; }

    /// <summary>Whether an item was in scope in the report's week or the three before it.</summary>
    public bool RecentWork { get; private set; }

    /// <summary>Whether an item was resolved as Done inside the OKR period.</summary>
    public bool DoneInPeriod { get; private set; }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Add(WorkItem item, int teamId, bool recentWork, bool doneInPeriod)
    {
        Total++;
        switch (item.Category)
        {
            case StateCategory.ToDo:
                ToDo++;
                break;
            case StateCategory.InProgress:
                InProgress++;
                break;
            case StateCategory.Done:
                Done++;
                break;
        }

        Points += item.StoryPoints ?? 0;
        if (LastActivity is not { } last || item.Updated > last)
        {
            LastActivity = item.Updated;
        }

        RecentWork |= recentWork;
        DoneInPeriod |= doneInPeriod;
        while (teams.Count <= teamId)
        {
            teams.Add(null);
        }

        teams[teamId] ??= item.Team;
    }

    /// <summary>The teams of the KR's items, each in its first spelling, ordered case-insensitively.</summary>
    public List<string> Teams()
    {
        var named = new List<string>();
        foreach (var team in teams)
        {
            if (team is not null)
            {
                named.Add(team);
            }
        }

        named.Sort(StringComparer.OrdinalIgnoreCase);
        return named;
    }
}
