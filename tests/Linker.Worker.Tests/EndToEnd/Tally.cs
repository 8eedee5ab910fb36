namespace OkrLinker.Worker.Tests.EndToEnd;

/// <summary>The in-scope items of a week split into linked / bau / unlinked, by count and by story points.</summary>
internal sealed record Tally(int Items, int Linked, int Bau, int Unlinked, double Points, double LinkedPoints, double BauPoints, double UnlinkedPoints)
{
    public double UnlinkedShare => Items == 0 ? 0 : Math.Round((double)Unlinked / Items, 4);

    public double UnlinkedPointsShare => Points == 0 ? 0 : Math.Round(UnlinkedPoints / Points, 4);
}
