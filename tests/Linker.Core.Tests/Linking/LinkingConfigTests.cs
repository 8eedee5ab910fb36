using OkrLinker.Core.Configuration;
using OkrLinker.Core.Linking;
using OkrLinker.Core.Tests.Support;

namespace OkrLinker.Core.Tests.Linking;

public sealed class LinkingConfigTests
{
    private static LinkingConfigException Reject(LinkingOptions options) =>
        Assert.Throws<LinkingConfigException>(() => new WorkItemLinker(options, Some.Okrs()));

    private static LinkingOptions WithRule(RuleOptions rule) => new() { Rules = [rule] };

    [Fact]
    public void Unknown_rule_field_names_the_key_and_the_known_fields()
    {
        var error = Reject(WithRule(new RuleOptions { Field = "componnet", EqualsValue = "Checkout", Kr = "O1-KR1" }));

        Assert.Equal("Linking:Rules:0:Field", error.Key);
        Assert.Equal(
            "Linking:Rules:0:Field: unknown field 'componnet' (type, state, team, project, area, component, repo, category)",
            error.Message);
    }

    [Fact]
    public void Pattern_that_does_not_parse_names_its_key_and_the_pattern()
    {
        var error = Reject(new LinkingOptions { TagPatterns = [@"^kr:(?<kr>\w+)$", "kr:(?<kr>["] });

        Assert.Equal("Linking:TagPatterns:1", error.Key);
        Assert.StartsWith("Linking:TagPatterns:1: invalid regular expression 'kr:(?<kr>[': ", error.Message);
    }

    [Fact]
    public void Pattern_without_a_kr_group_is_rejected()
    {
        var error = Reject(new LinkingOptions { TitlePatterns = [@"\[(O\d+-KR\d+)\]"] });

        Assert.Equal(@"Linking:TitlePatterns:0: the pattern '\[(O\d+-KR\d+)\]' has no (?<kr>...) group naming the KR id", error.Message);
    }

    [Fact]
    public void Rule_with_neither_label_nor_field_is_rejected()
    {
        var error = Reject(WithRule(new RuleOptions { EqualsValue = "Bug", Kr = "O1-KR1" }));

        Assert.Equal("Linking:Rules:0: set Label or Field (type, state, team, project, area, component, repo, category)", error.Message);
    }

    [Fact]
    public void Field_rule_with_neither_equals_nor_starts_with_is_rejected()
    {
        var error = Reject(new LinkingOptions { Bau = [new RuleOptions { Label = "support" }, new RuleOptions { Field = "area" }] });

        Assert.Equal("Linking:Bau:1: Field 'area' needs Equals or StartsWith", error.Message);
    }

    [Fact]
    public void Linking_rule_without_kr_is_rejected()
    {
        var error = Reject(WithRule(new RuleOptions { Label = "checkout" }));

        Assert.Equal("Linking:Rules:0:Kr: a linking rule needs the KR it links to", error.Message);
    }

    [Fact]
    public void Linking_rule_with_a_kr_outside_the_period_is_rejected_with_the_known_ids()
    {
        // O0-KR1 belongs to the ended 2026-Q3: still not a KR a rule can link to.
        var error = Reject(new LinkingOptions
        {
            Rules = [new RuleOptions { Label = "a", Kr = "o1-kr1" }, new RuleOptions { Label = "b", Kr = "O0-KR1" }],
        });

        Assert.Equal("Linking:Rules:1:Kr: 'O0-KR1' is not a KR of 2026-Q4 (O1-KR1, O1-KR2, O2-KR1)", error.Message);
    }

    [Fact]
    public void Bau_rule_naming_a_kr_is_rejected()
    {
        var error = Reject(new LinkingOptions { Bau = [new RuleOptions { Label = "support", Kr = "O1-KR1" }] });

        Assert.Equal("Linking:Bau:0:Kr: a BAU rule links to no KR; move it to Linking:Rules", error.Message);
    }

    [Fact]
    public void Ambiguous_rules_are_rejected()
    {
        Assert.Equal(
            "Linking:Rules:0: set Label or Field, not both",
            Reject(WithRule(new RuleOptions { Label = "a", Field = "type", EqualsValue = "Bug", Kr = "O1-KR1" })).Message);
        Assert.Equal(
            "Linking:Rules:0: set Equals or StartsWith, not both",
            Reject(WithRule(new RuleOptions { Field = "type", EqualsValue = "Bug", StartsWith = "B", Kr = "O1-KR1" })).Message);
    }
}
