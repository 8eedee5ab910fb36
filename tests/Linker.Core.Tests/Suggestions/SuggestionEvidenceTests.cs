using OkrLinker.Core.Configuration;
using OkrLinker.Core.Items;
using OkrLinker.Core.Linking;
using OkrLinker.Core.Suggestions;
using OkrLinker.Core.Tests.Support;

namespace OkrLinker.Core.Tests.Suggestions;

/// <summary>
/// One hand-made backlog per signal, with the score and the words worked out by hand. Every item's title is
/// "Work on PAY-n" unless a test says otherwise: those words are in every title, so the text signal stays silent.
/// Score = 1 − Π(1 − weight × strength); weights: siblings 0.9, cousins 0.6, references 0.8, referenced by 0.7,
/// text 0.8, team 0.4.
/// </summary>
public sealed class SuggestionEvidenceTests
{
    // Some.Item's items were last updated on 2026-10-05: far before this, so no team signal unless a test asks.
    private static readonly DateTimeOffset LongAfter = new(2027, 6, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Siblings_that_serve_a_KR_suggest_it_with_how_many_of_them_do()
    {
        var items = new List<WorkItem>
        {
            Some.Item("PAY-1"),
            Child("PAY-2", "PAY-1", "kr:O1-KR1"),
            Child("PAY-3", "PAY-1", "kr:O1-KR1"),
            Child("PAY-4", "PAY-1", "kr:O1-KR1"),
            Child("PAY-5", "PAY-1", "kr:O2-KR1"),
            Child("PAY-6", "PAY-1"),
        };

        // O1-KR1: 1 − (1 − 0.9 × 3/4) = 0.675; O2-KR1: 0.9 × 1/4 = 0.225.
        Assert.Equal(
            [
                "O1-KR1 0.675: 3 of 4 siblings under PAY-1 serve O1-KR1",
                "O2-KR1 0.225: 1 of 4 siblings under PAY-1 serves O2-KR1",
            ],
            SuggestFor(items, "PAY-6", LongAfter));
    }

    [Fact]
    public void Cousins_under_the_same_grandparent_suggest_their_KR()
    {
        var items = new List<WorkItem>
        {
            Some.Item("PAY-1"),
            Child("PAY-2", "PAY-1"),
            Child("PAY-3", "PAY-1"),
            Child("PAY-4", "PAY-3", "kr:O1-KR2"),
            Child("PAY-5", "PAY-3", "kr:O1-KR2"),
            Child("PAY-6", "PAY-2"),
        };

        // PAY-6 has no siblings; its cousins are PAY-4 and PAY-5: 0.6 × 2/2.
        Assert.Equal(["O1-KR2 0.6: 2 of 2 cousins under PAY-1 serve O1-KR2"], SuggestFor(items, "PAY-6", LongAfter));
    }

    [Fact]
    public void Items_it_names_and_items_that_name_it_suggest_their_KRs()
    {
        // PAY-2 is linked by a rule, which references do not pass on; PAY-3 names PAY-1 and is tagged.
        var options = new LinkingOptions { Rules = [new RuleOptions { Field = "component", EqualsValue = "Checkout", Kr = "O1-KR2" }] };
        var items = new List<WorkItem>
        {
            Some.Item("PAY-1") with { Body = "Needs PAY-2 first." },
            Some.Item("PAY-2") with { Components = ["Checkout"] },
            Some.Item("PAY-3", team: "growth") with { Body = "Follows up PAY-1.", Labels = ["kr:O1-KR1"] },
        };

        Assert.Equal(
            [
                "O1-KR2 0.8: references PAY-2, which serves O1-KR2",
                "O1-KR1 0.7: referenced by PAY-3, which serves O1-KR1",
            ],
            SuggestFor(items, "PAY-1", LongAfter, options));
    }

    [Fact]
    public void The_team_s_recent_linked_work_suggests_its_KRs()
    {
        var items = new List<WorkItem>
        {
            Some.Item("PAY-1") with { Labels = ["kr:O1-KR1"] },
            Some.Item("PAY-2") with { Labels = ["kr:O1-KR1"] },
            Some.Item("PAY-3") with { Labels = ["kr:O2-KR1"] },
            Some.Item("PAY-4", team: "growth") with { Labels = ["kr:O1-KR2"] },
            Some.Item("PAY-5") with { Labels = ["kr:O1-KR2"], Updated = Some.Created.AddDays(-40) },
            Some.Item("PAY-6"),
        };

        // Four weeks before 2026-10-12: PAY-1..3 (PAY-4 is growth's, PAY-5 was last updated too long ago).
        var until = new DateTimeOffset(2026, 10, 12, 0, 0, 0, TimeSpan.Zero);
        Assert.Equal(
            [
                "O1-KR1 0.267: 2 of 3 linked items of team payments updated in the last 4 weeks serve O1-KR1",
                "O2-KR1 0.133: 1 of 3 linked items of team payments updated in the last 4 weeks serves O2-KR1",
            ],
            SuggestFor(items, "PAY-6", until));
    }

    [Fact]
    public void Words_shared_with_a_KR_s_items_and_title_suggest_it_weightiest_word_first()
    {
        var okrs = Some.Okrs(
            Some.Objective("O1", Some.KeyResult("O1-KR1") with { Title = "More users finish onboarding" }),
            Some.Objective("O2", Some.KeyResult("O2-KR1") with { Title = "Raise checkout conversion" }));
        List<WorkItem> items =
        [
            Titled("PAY-1", "Checkout 3DS retry", "kr:O2-KR1"),
            Titled("PAY-2", "Checkout button colour", "kr:O2-KR1"),
            Titled("PAY-3", "Onboarding tour", "kr:O1-KR1"),
            Titled("PAY-4", "Fix 3DS checkout timeout"),
            .. Enumerable.Range(10, 10).Select(n => Titled($"PAY-{n}", "Tidy the build")),
        ];

        // "checkout" is in 3 of 14 titles and O2-KR1's title, "3DS" in 2: idf ln(15/4) and ln(15/3); "checkout" weighs more
        // because two of O2-KR1's items and its title have it. "onboarding" is not in PAY-4, so O1-KR1 is not suggested.
        var suggestions = new KrSuggester(new WorkItemLinker(new LinkingOptions(), okrs).Link(items), okrs, new LinkingOptions(), LongAfter).For(3);

        var only = Assert.Single(suggestions);
        Assert.Equal("O2-KR1", only.Kr);
        Assert.Equal(["title shares \"checkout\" (KR title, 2 items), \"3DS\" (1 item) with O2-KR1"], only.Evidence);
        // Cosine: (checkout 1.322 × 4.881 + 3DS 1.609 × 1.609) / (|q| 2.083 × |O2-KR1| 9.862) = 0.4402 (O2-KR1 also holds
        // "retry", "button", "colour" at ln(15/2) and its title's "raise", "conversion" at twice ln 15); × 0.8 = 0.352.
        Assert.Equal(0.352, only.Score);
    }

    [Fact]
    public void Body_words_count_and_the_evidence_says_the_body_shares_them()
    {
        var okrs = Some.Okrs();
        List<WorkItem> items =
        [
            Titled("PAY-1", "Checkout 3DS retry", "kr:O2-KR1"),
            Titled("PAY-2", "Invite teammates", "kr:O1-KR1"),
            Titled("PAY-3", "Something odd") with { Body = "Customers see the 3DS screen twice." },
            .. Enumerable.Range(10, 4).Select(n => Titled($"PAY-{n}", "Tidy the build")),
        ];

        var suggestions = new KrSuggester(new WorkItemLinker(new LinkingOptions(), okrs).Link(items), okrs, new LinkingOptions(), LongAfter).For(2);

        Assert.Equal(["title and body share \"3DS\" (1 item) with O2-KR1"], Assert.Single(suggestions).Evidence);
    }

    [Fact]
    public void Equal_scores_go_to_the_KR_that_comes_first_in_okrs_yaml_and_the_same_store_gives_the_same_words()
    {
        var items = new List<WorkItem>
        {
            Some.Item("PAY-1"),
            Child("PAY-2", "PAY-1", "kr:O2-KR1"),
            Child("PAY-3", "PAY-1", "kr:O1-KR2"),
            Child("PAY-4", "PAY-1"),
        };

        var first = SuggestFor(items, "PAY-4", LongAfter);
        var again = SuggestFor(items, "PAY-4", LongAfter);

        Assert.Equal(
            [
                "O1-KR2 0.45: 1 of 2 siblings under PAY-1 serves O1-KR2",
                "O2-KR1 0.45: 1 of 2 siblings under PAY-1 serves O2-KR1",
            ],
            first);
        Assert.Equal(first, again);
    }

    [Fact]
    public void An_item_with_nothing_near_that_serves_a_KR_gets_no_suggestion()
    {
        Assert.Empty(SuggestFor([Some.Item("PAY-1"), Some.Item("PAY-2")], "PAY-2", LongAfter));
    }

    private static WorkItem Child(string key, string parent, params string[] labels) =>
        Some.Item(key) with { ParentKey = parent, Labels = labels };

    private static WorkItem Titled(string key, string title, params string[] labels) =>
        Some.Item(key) with { Title = title, Labels = labels };

    private static List<string> SuggestFor(List<WorkItem> items, string key, DateTimeOffset recentUntil, LinkingOptions? options = null)
    {
        options ??= new LinkingOptions();
        var okrs = Some.Okrs();
        var linking = new WorkItemLinker(options, okrs).Link(items);
        var index = items.FindIndex(i => i.Key == key);
        Assert.Equal(Bucket.Unlinked, linking.Items[index].Bucket);
        return
        [
            .. new KrSuggester(linking, okrs, options, recentUntil).For(index)
                .Select(s => FormattableString.Invariant($"{s.Kr} {s.Score}: {string.Join(" | ", s.Evidence)}")),
        ];
    }
}
