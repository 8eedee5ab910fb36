namespace OkrLinker.Worker.Tests.EndToEnd;

/// <summary>DESIGN §8 for one week, worked out from the raw samples with <see cref="IndependentLinker"/>.</summary>
internal sealed record IndependentFigures(Tally Totals, IReadOnlyDictionary<string, Tally> Teams, IReadOnlyDictionary<string, int> KrTotals)
{
    public static IndependentFigures For(IReadOnlyList<SampleItem> items, DateTimeOffset weekStart, DateTimeOffset weekEnd)
    {
        var linker = new IndependentLinker(items);
        var krs = items.ToDictionary<SampleItem, SampleItem, IReadOnlyList<string>>(i => i, linker.KrsOf, ReferenceEqualityComparer.Instance);

        // In scope: in progress and created before the week ends, or done with its resolved time inside the week.
        var inScope = items.Where(i =>
            (i.Category == SampleCategory.InProgress && i.Created < weekEnd) ||
            (i.Category == SampleCategory.Done && i.Resolved >= weekStart && i.Resolved < weekEnd)).ToList();

        Tally Count(IEnumerable<SampleItem> scope)
        {
            var buckets = scope.Select(i => (Item: i, Bucket: krs[i].Count > 0 ? "linked" : IndependentLinker.IsBau(i) ? "bau" : "unlinked")).ToList();
            int N(string bucket) => buckets.Count(b => b.Bucket == bucket);
            double P(string? bucket) => buckets.Where(b => bucket is null || b.Bucket == bucket).Sum(b => b.Item.Points ?? 0);
            return new Tally(buckets.Count, N("linked"), N("bau"), N("unlinked"), P(null), P("linked"), P("bau"), P("unlinked"));
        }

        // Line-of-sight per KR is not limited to the week: every linked item that is not Removed.
        var krTotals = krs.Where(p => p.Key.Category != SampleCategory.Removed)
            .SelectMany(p => p.Value).GroupBy(kr => kr).ToDictionary(g => g.Key, g => g.Count());

        return new IndependentFigures(
            Count(inScope),
            inScope.GroupBy(i => i.Team).ToDictionary(g => g.Key, g => Count(g)),
            krTotals);
    }
}
