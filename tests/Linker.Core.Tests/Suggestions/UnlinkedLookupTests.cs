using OkrLinker.Core.Configuration;
using OkrLinker.Core.Items;
using OkrLinker.Core.Linking;
using OkrLinker.Core.Reports;
using OkrLinker.Core.Suggestions;
using OkrLinker.Core.Tests.Support;

namespace OkrLinker.Core.Tests.Suggestions;

/// <summary>How the suggester finds the item behind a report's unlinked entry: by source and key, the first unlinked one.</summary>
public sealed class UnlinkedLookupTests
{
    private static readonly DateTimeOffset LongAfter = new(2027, 6, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void The_first_unlinked_item_with_the_source_and_key_is_found_and_linked_ones_are_not()
    {
        var items = new List<WorkItem>
        {
            Some.Item("PAY-2") with { Labels = ["kr:O1-KR1"] },
            Some.Item("PAY-1"),
            Some.Item("PAY-1", source: "ado") with { ExternalId = "ado-1" },
            Some.Item("PAY-1") with { ExternalId = "second" },
            Some.Item("PAY-3"),
        };
        var suggester = Suggester(items);

        Assert.Equal(1, suggester.UnlinkedIndexOf("jira", "PAY-1"));
        Assert.Equal(2, suggester.UnlinkedIndexOf("ado", "PAY-1"));
        Assert.Equal(4, suggester.UnlinkedIndexOf("jira", "PAY-3"));
        Assert.Null(suggester.UnlinkedIndexOf("jira", "PAY-2"));
        Assert.Null(suggester.UnlinkedIndexOf("jira", "pay-1"));
        Assert.Null(suggester.UnlinkedIndexOf("github", "PAY-3"));
    }

    [Fact]
    public void The_reports_list_gets_suggestions_for_its_first_items_in_place_and_a_given_list_is_copied()
    {
        var items = new List<WorkItem>
        {
            Some.Item("PAY-1"),
            Some.Item("PAY-2") with { ParentKey = "PAY-1", Labels = ["kr:O1-KR1"] },
            Some.Item("PAY-3") with { ParentKey = "PAY-1" },
            Some.Item("PAY-4") with { ParentKey = "PAY-1" },
        };
        var suggester = Suggester(items);
        UnlinkedItem Entry(string key) => new("jira", key, $"Work on {key}", null, "payments", "Story", "In Progress", null);
        var options = new SuggestionOptions { MaxItems = 1 };

        var given = new List<UnlinkedItem> { Entry("PAY-3"), Entry("PAY-4") };
        var copied = ReportSuggestions.Add(given, suggester, options);
        var own = new[] { Entry("PAY-3"), Entry("PAY-4") };
        var inPlace = ReportSuggestions.AddToReport(own, suggester, options);

        // 1 of 2 siblings under PAY-1 serves O1-KR1: 0.9 × 1/2 = 0.45.
        Assert.Null(given[0].Suggestions);
        Assert.Same(own, inPlace);
        foreach (var list in new[] { copied, inPlace })
        {
            Assert.Equal("O1-KR1 0.45", string.Join(", ", list[0].Suggestions!.Select(s => FormattableString.Invariant($"{s.Kr} {s.Score}"))));
            Assert.Null(list[1].Suggestions);
        }
    }

    private static KrSuggester Suggester(List<WorkItem> items)
    {
        var options = new LinkingOptions();
        var okrs = Some.Okrs();
        return new KrSuggester(new WorkItemLinker(options, okrs).Link(items), okrs, options, LongAfter);
    }
}
