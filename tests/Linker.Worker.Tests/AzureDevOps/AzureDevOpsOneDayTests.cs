using System.Globalization;
using System.Text.RegularExpressions;
using OkrLinker.Fakes;
using Xunit.Abstractions;

namespace OkrLinker.Worker.Tests.AzureDevOps;

/// <summary>45,000 work items changed on one day: more than twice WIQL's 20,000 cap (DESIGN.md §6 trap 5).</summary>
public sealed partial class AzureDevOpsOneDayTests(ITestOutputHelper output)
{
    private const int Items = 45_000;

    [Fact]
    public async Task Forty_five_thousand_items_changed_on_one_day_sync_in_slices_none_near_the_cap()
    {
        var data = FakeAzureDevOpsData.GenerateOneDay(51, "Shop", Items, new DateOnly(2026, 11, 19));
        await using var ado = await AzureDevOpsHarness.StartAsync(data);

        var run = await ado.SyncAsync();

        Assert.Equal(0, run.ExitCode);
        var stored = await ado.StoredAsync();
        Assert.Equal(Items, stored.Count);
        Assert.Equal(ado.Expected(), stored);
        var wiql = ado.Fake.Journal.OfKind("wiql");
        Assert.All(wiql, q => Assert.Equal(200, q.Status));
        Assert.All(wiql, q => Assert.Contains("timePrecision=true", q.Query, StringComparison.Ordinal));
        // 45 full slices of 1,000 and the empty one that ends the read; 225 full batches.
        Assert.Equal([.. Enumerable.Repeat(1000, 45), 0], wiql.Select(q => q.Count));
        Assert.Equal(225, ado.Fake.Journal.OfKind("batch").Count);
        Assert.All(ado.Fake.Journal.OfKind("batch"), b => Assert.Equal(200, b.Count));
        output.WriteLine($"{wiql.Count} WIQL queries, from: {string.Join(", ", wiql.Select(q => From(q.Wiql!)))}");
    }

    private static string From(string wiql) => FromClause().Match(wiql) is { Success: true } m ? m.Groups[1].Value : "(start)";

    [GeneratedRegex(@"\[System\.ChangedDate\] >= '([^']+)'")]
    private static partial Regex FromClause();
}
