using OkrLinker.Connectors.Tests.AzureDevOps.Support;
using OkrLinker.Fakes;
using Xunit.Abstractions;

namespace OkrLinker.Connectors.Tests.AzureDevOps;

/// <summary>How the source cuts a project into WIQL slices and workitemsbatch pages (DESIGN.md §6 trap 5).</summary>
public sealed class AzureDevOpsSlicingTests(ITestOutputHelper output)
{
    [Fact]
    public async Task A_server_that_counts_the_cap_before_top_gets_narrower_windows_and_all_25000_items_of_one_day_are_read_once()
    {
        var data = FakeAzureDevOpsData.GenerateOneDay(52, "Shop", 25_000, new DateOnly(2026, 11, 19));
        await using var fake = FakeAzureDevOps.Start(data, new FakeAzureDevOpsOptions { CapCountsBeforeTop = true });

        // The windows are halved from the span between 2000-01-01 and now, so where they cut the day (and whether a
        // slice ends in a part batch) moves with the clock: the source's clock is fixed to keep the page count exact.
        using var run = AdoSourceRun.Create(fake, now: new DateTimeOffset(2026, 11, 20, 10, 0, 0, TimeSpan.Zero));

        var (pages, _) = await run.ReadAsync("Shop");

        var ids = pages.SelectMany(p => p.Items).Select(i => int.Parse(i.ExternalId, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(Enumerable.Range(1, 25_000), ids.Order());
        Assert.Equal(125, pages.Count);
        var wiql = fake.Journal.OfKind("wiql");
        Assert.Contains(wiql, q => q.Status == 400);
        Assert.All(wiql.Where(q => q.Status == 200), q => Assert.InRange(q.Count, 0, 1000));
        Assert.All(fake.Journal.OfKind("batch"), b => Assert.Equal(200, b.Count));
        output.WriteLine($"{wiql.Count} WIQL queries, {wiql.Count(q => q.Status == 400)} refused with VS402337; {(fake.Journal.All[^1].Timestamp - fake.Journal.All[0].Timestamp).TotalSeconds:F1} s");
    }

    [Fact]
    public async Task An_unchanged_project_costs_one_query_and_a_new_revision_inside_the_overlap_is_read_again()
    {
        var data = FakeAzureDevOpsData.Generate(61, [new("Shop", 400, FakeAdoProcess.Agile)]);
        await using var fake = FakeAzureDevOps.Start(data);
        using var run = AdoSourceRun.Create(fake);
        var (first, cursor) = await run.ReadAsync("Shop");
        Assert.Equal(400, first.Sum(p => p.Items.Count));
        fake.Journal.Clear();

        var (none, same) = await run.ReadAsync("Shop", cursor);

        Assert.Empty(none);
        Assert.Equal(cursor, same);
        Assert.Equal(["wiql"], fake.Journal.All.Select(r => r.Kind));

        // The newest item, already read inside the overlap window, gets a new revision.
        var newest = data.Snapshot().MaxBy(i => i.Changed)!;
        data.Edit(newest.Id, i => i with { Title = "Renamed" });
        var (again, _) = await run.ReadAsync("Shop", cursor);

        Assert.Equal(["Renamed"], again.SelectMany(p => p.Items).Select(i => i.Title));
    }
}
