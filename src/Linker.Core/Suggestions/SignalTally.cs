namespace OkrLinker.Core.Suggestions;

/// <summary>A group of items (an item's siblings, a team's recent work) and how many of them serve each KR.</summary>
internal sealed class SignalTally(int krCount)
{
    public int Total { get; private set; }

    /// <summary>By KR index (okrs.yaml order).</summary>
    public int[] PerKr { get; } = new int[krCount];

    public void Add(int[] krs)
    {
        Total++;
        foreach (var kr in krs)
        {
            PerKr[kr]++;
        }
    }
}
