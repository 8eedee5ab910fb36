using System.Runtime.CompilerServices;
using OkrLinker.Core.Linking;
using OkrLinker.Core.Reports;

namespace OkrLinker.Core.Figures;

/// <summary>Counts in-scope items by bucket, and their story points over the items that have them.</summary>
internal sealed class BucketTally
{
    private int _items;
    private int _linked;
    private int _bau;
    private int _unlinked;
    private double _points;
    private double _linkedPoints;
    private double _bauPoints;
    private double _unlinkedPoints;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Add(Items.WorkItem item, Bucket bucket)
    {
        _items++;
        var points = item.StoryPoints;
        _points += points ?? 0;
        switch (bucket)
        {
            case Bucket.Linked:
                _linked++;
                _linkedPoints += points ?? 0;
                break;
            case Bucket.Bau:
                _bau++;
                _bauPoints += points ?? 0;
                break;
            default:
                _unlinked++;
                _unlinkedPoints += points ?? 0;
                break;
        }
    }

    public Totals ToTotals() => new(_items, _linked, _bau, _unlinked, Share.Of(_unlinked, _items), Points());

    public TeamFigures ToTeam(string team) =>
        new(team, _items, _linked, _bau, _unlinked, Share.Of(_unlinked, _items), Points());

    private PointTotals Points() =>
        new(_points, _linkedPoints, _bauPoints, _unlinkedPoints, Share.Of(_unlinkedPoints, _points));
}
