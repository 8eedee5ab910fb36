using OkrLinker.Core.Configuration;
using OkrLinker.Core.Items;
using OkrLinker.Core.Linking;
using OkrLinker.Core.Tests.Support;

namespace OkrLinker.Core.Tests.Linking;

/// <summary>What linking learns from an item alone (<see cref="LinkFacts"/>), how the store holds it, and what names its configuration.</summary>
public sealed class LinkFactsTests
{
    private static readonly LinkingOptions Options = new()
    {
        Rules = [new RuleOptions { Field = "component", EqualsValue = "Checkout", Kr = "O1-KR2" }],
        Bau = [new RuleOptions { Field = "type", EqualsValue = "Bug" }, new RuleOptions { Label = "support" }],
    };

    private static readonly Dictionary<string, string> KrFields = new(StringComparer.OrdinalIgnoreCase) { ["jira"] = "Objective KR" };

    private static LinkFactsReader Reader(LinkingOptions? options = null) => LinkFactsReader.Create(options ?? Options, KrFields);

    [Fact]
    public void An_item_that_names_kr_in_labels_title_and_field_and_other_items_has_each_mention_in_order_and_each_key()
    {
        var item = Some.Item("PAY-7") with
        {
            Labels = ["kr:O1-KR1", "frontend"],
            Title = "[O9-KR9] follow up PAY-3",
            KrValues = ["O2-KR1, kr:O1-KR2"],
            Body = "see AB#4711",
            Components = ["Checkout"],
        };

        var facts = Reader().Read(item);

        Assert.Equal(
            [
                new KrMention("O1-KR1", "label 'kr:O1-KR1'", "label kr:O1-KR1"),
                new KrMention("O9-KR9", "the title", "title token [O9-KR9]"),
                new KrMention("O2-KR1", "KR field value 'O2-KR1, kr:O1-KR2'", "field \"Objective KR\" = O2-KR1"),
                new KrMention("O1-KR2", "KR field value 'O2-KR1, kr:O1-KR2'", "field \"Objective KR\" = kr:O1-KR2"),
            ],
            facts.Mentions);
        Assert.Equal([new ItemReference("PAY-3", "title", "PAY-3"), new ItemReference("4711", "body", "AB#4711")], facts.References);
        Assert.Equal((0, -1), (facts.Rule, facts.Bau));
    }

    [Fact]
    public void An_item_that_names_nothing_holds_only_its_first_rule_and_bau_rule_and_shares_them()
    {
        var reader = Reader();
        var bug = Plain("PAY-9") with { Type = "Bug", Labels = ["support"] };
        var support = Plain("PAY-11") with { Labels = ["support"] };

        var facts = reader.Read(bug);

        Assert.Equal(([], [], -1, 0), (facts.Mentions, facts.References, facts.Rule, facts.Bau));
        Assert.Same(facts, reader.Read(Plain("PAY-10") with { Type = "bug" }));
        Assert.Equal(1, reader.Read(support).Bau);
        Assert.Equal(-1, reader.Read(Plain("PAY-12")).Bau);
    }

    [Fact]
    public void Stored_facts_read_back_as_they_were_written_and_only_under_their_own_stamp()
    {
        var reader = Reader();
        var item = Some.Item("PAY-7") with { Labels = ["kr:O1-KR1"], Title = "Fix | 3:x [O2-KR1] for PAY-3", Branch = "feature/PAY-6" };
        var facts = reader.Read(item);

        var stored = reader.Encode(facts);
        var read = LinkFactsCodec.Decode(stored, reader.Stamp, reader.Plain);

        Assert.NotNull(read);
        Assert.Equal(facts.Mentions, read.Mentions);
        Assert.Equal(facts.References, read.References);
        Assert.Equal((facts.Rule, facts.Bau), (read.Rule, read.Bau));
        Assert.Null(LinkFactsCodec.Decode(stored, "ABCDEF012345", reader.Plain));
        Assert.Null(LinkFactsCodec.Decode(stored.AsSpan(0, stored.Length - 3), reader.Stamp, reader.Plain));
    }

    [Fact]
    public void An_item_that_names_nothing_and_matches_no_rule_is_stored_as_the_stamp_alone_a_bau_item_with_its_rule()
    {
        var reader = Reader();

        Assert.Equal(reader.Stamp, reader.Encode(reader.Read(Plain("PAY-12"))));
        Assert.Equal($"{reader.Stamp}|-1|0|0|0|", reader.Encode(reader.Read(Plain("PAY-9") with { Type = "Bug" })));
        Assert.Same(reader.Plain(-1, 0), LinkFactsCodec.Decode($"{reader.Stamp}|-1|0|0|0|", reader.Stamp, reader.Plain));
    }

    [Fact]
    public void The_stamp_changes_with_every_setting_the_facts_depend_on_and_not_with_the_others()
    {
        var stamp = LinkFactsReader.StampOf(Options, KrFields);

        Assert.Equal(stamp, LinkFactsReader.StampOf(Options, new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase) { ["JIRA"] = "Objective KR" }));
        Assert.Equal(stamp, LinkFactsReader.StampOf(With(o => o.Inherit = false), KrFields));
        Assert.Equal(stamp, LinkFactsReader.StampOf(With(o => o.Rules = [new RuleOptions { Field = "component", EqualsValue = "Checkout", Kr = "O2-KR1" }]), KrFields));
        Assert.NotEqual(stamp, LinkFactsReader.StampOf(With(o => o.TagPatterns = ["^okr:(?<kr>.+)$"]), KrFields));
        Assert.NotEqual(stamp, LinkFactsReader.StampOf(With(o => o.TitlePatterns = []), KrFields));
        Assert.NotEqual(stamp, LinkFactsReader.StampOf(With(o => o.ReferencePatterns = []), KrFields));
        Assert.NotEqual(stamp, LinkFactsReader.StampOf(With(o => o.ReferencesOff = ["jira"]), KrFields));
        Assert.NotEqual(stamp, LinkFactsReader.StampOf(With(o => o.Bau = [new RuleOptions { Label = "support" }]), KrFields));
        Assert.NotEqual(stamp, LinkFactsReader.StampOf(With(o => o.Rules = []), KrFields));
        Assert.NotEqual(stamp, LinkFactsReader.StampOf(Options, new Dictionary<string, string> { ["jira"] = "Key Result" }));
    }

    [Fact]
    public void Linking_from_facts_worked_out_before_gives_what_linking_the_items_gives()
    {
        var backlog = StructuredBacklog.Generate(seed: 11, initiatives: 30);
        var linker = new WorkItemLinker(Options, backlog.Okrs, KrFields);
        var items = backlog.Items.Select((item, i) => (i % 7) switch
        {
            0 => item with { Type = "Bug" },
            1 => item with { Title = $"{item.Title} [O9-KR9]" },
            2 => item with { Components = ["Checkout"] },
            3 => item with { Body = $"as in {backlog.Items[(i * 31) % backlog.Items.Count].Key}" },
            _ => item,
        }).ToList();

        var direct = linker.Link(items);
        var stored = linker.FactsOf(items).Select(f => LinkFactsCodec.Decode(linker.Facts.Encode(f), linker.Facts.Stamp, linker.Facts.Plain)!).ToList();
        var fromFacts = linker.Link(items, stored);

        Assert.Equal(Described(direct), Described(fromFacts));
        Assert.Equal(direct.Findings, fromFacts.Findings);
    }

    internal static IEnumerable<string> Described(LinkingResult result) =>
        result.Items.Select(l =>
            $"{l.Item.Key} {l.Bucket} {string.Join(",", l.Links)} {l.Explanation!.How} {l.Explanation.From} {string.Join(",", l.Explanation.Krs)} {string.Join(" / ", l.Explanation.Why)}");

    // Some.Item's title names its own key ("Work on PAY-9"): a reference, which linking drops later as the item's own.
    private static WorkItem Plain(string key) => Some.Item(key) with { Title = "Tidy the checkout copy" };

    private static LinkingOptions With(Action<LinkingOptions> change)
    {
        var options = new LinkingOptions { Rules = [.. Options.Rules], Bau = [.. Options.Bau] };
        change(options);
        return options;
    }
}
