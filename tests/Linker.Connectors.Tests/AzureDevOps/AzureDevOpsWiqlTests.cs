using OkrLinker.Connectors.AzureDevOps;
using OkrLinker.Connectors.Tests.Support;

namespace OkrLinker.Connectors.Tests.AzureDevOps;

public sealed class AzureDevOpsWiqlTests
{
    [Fact]
    public void A_slice_names_the_project_areas_condition_second_precise_bounds_and_leaves_committed_copies_out_by_revision()
    {
        var wiql = AzureDevOpsWiql.Slice(
            "Shop's",
            ["Shop\\Checkout", "Shop\\Search"],
            " [System.WorkItemType] <> 'Test Case' ",
            Sources.Utc(2026, 11, 19, 10, 0, 5, 999),
            Sources.Utc(2026, 11, 19, 12, 0, 0),
            [new(12, 3, Sources.Utc(2026, 11, 19, 10, 0, 5)), new(9, 3, Sources.Utc(2026, 11, 19, 10, 0, 6)), new(40, 1, Sources.Utc(2026, 11, 19, 10, 0, 7))]);

        Assert.Equal(
            "SELECT [System.Id] FROM WorkItems WHERE [System.TeamProject] = 'Shop''s'"
            + " AND ([System.AreaPath] UNDER 'Shop\\Checkout' OR [System.AreaPath] UNDER 'Shop\\Search')"
            + " AND ([System.WorkItemType] <> 'Test Case')"
            + " AND [System.ChangedDate] >= '2026-11-19T10:00:05Z' AND [System.ChangedDate] < '2026-11-19T12:00:00Z'"
            + " AND NOT ([System.Rev] = 1 AND [System.Id] IN (40)) AND NOT ([System.Rev] = 3 AND [System.Id] IN (9,12))"
            + " ORDER BY [System.ChangedDate], [System.Id]",
            wiql);
    }

    [Fact]
    public void A_first_read_has_no_bounds()
    {
        Assert.Equal(
            "SELECT [System.Id] FROM WorkItems WHERE [System.TeamProject] = 'Shop' ORDER BY [System.ChangedDate], [System.Id]",
            AzureDevOpsWiql.Slice("Shop", [], null, null, null, []));
    }
}
