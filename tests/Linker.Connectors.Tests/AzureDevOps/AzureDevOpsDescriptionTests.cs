using System.Text.Json;
using OkrLinker.Connectors.AzureDevOps;
using OkrLinker.Connectors.Tests.Support;
using static OkrLinker.Connectors.Tests.Support.Sources;

namespace OkrLinker.Connectors.Tests.AzureDevOps;

/// <summary>Azure DevOps' <c>System.Description</c> (HTML) into <c>WorkItem.Body</c> as plain text.</summary>
public sealed class AzureDevOpsDescriptionTests
{
    private static string? Body(string description) =>
        ParseOne($$"""{ "id": 9, "fields": { "System.Title": "t", "System.Description": {{JsonSerializer.Serialize(description)}} } }""").Body;

    private static Core.Items.WorkItem ParseOne(string json)
    {
        using var document = JsonDocument.Parse(json);
        return new AzureDevOpsWorkItemParser(Options("ado"), Teams()).ParseItem(document.RootElement)!;
    }

    [Fact]
    public void Microsoft_examples_carry_plain_descriptions_that_are_kept_as_they_are()
    {
        using var ids = Conformance.Load("azure-devops/workitems-list-ids.json");
        using var relations = Conformance.Load("azure-devops/workitems-list-expand-all-relations.json");
        using var batch = Conformance.Load("azure-devops/workitemsbatch.json");
        var parser = new AzureDevOpsWorkItemParser(Options("ado"), Teams());

        string?[] expected =
        [
            "Our authorization logic needs to allow for users with Microsoft accounts (formerly Live Ids) - http://msdn.microsoft.com/en-us/library/live/hh826547.aspx",
            "Follow the code samples from MSDN",
            "We need to ensure we have coverage to prevent regressions",
        ];
        Assert.Equal(expected, parser.ParseList(Conformance.AdoBody(ids)).Select(i => i.Body));
        Assert.Equal(expected, parser.ParseList(Conformance.AdoBody(relations)).Select(i => i.Body));
        Assert.All(parser.ParseList(Conformance.AdoBody(batch)), item => Assert.Null(item.Body)); // not among the fields it asked for
    }

    [Fact]
    public void Html_becomes_plain_text_with_blocks_as_lines_and_entities_decoded()
    {
        var body = Body(
            "<div>Implements&nbsp;<a href=\"https://acme.atlassian.net/browse/PAY-12\">PAY-12</a>\r\n   for <b>checkout</b>.</div>"
            + "<div><br></div>"
            + "<ul><li>step one</li><li>step &amp; two &lt;fast&gt; &#8212; &quot;now&quot;</li></ul>"
            + "<pre>line 1\n  line 2</pre>"
            + "<p>see <a href='https://github.com/acme/web/pull/7' target=\"_blank\">the fix</a>, by "
            + "<a href=\"#\" data-vss-mention=\"version:2.0,4f5c\">@Ana Lopez</a></p>"
            + "<!-- <p>hidden PAY-99</p> --><style>p { color: red }</style><script>var x = '<p>PAY-98</p>';</script>"
            + "<h2>Done&nbsp;when</h2><table><tr><td>KR</td><td>O2-KR1</td></tr><tr><td><a href=\"https://github.com/acme/web/issues/3\">https://github.com/acme/web/issues/3</a></td></tr></table><hr/>a < b, c<d");

        Assert.Equal(
            """
            Implements PAY-12 (https://acme.atlassian.net/browse/PAY-12) for checkout.

            step one
            step & two <fast> — "now"
            line 1
              line 2
            see the fix (https://github.com/acme/web/pull/7), by @Ana Lopez
            Done when
            KR
            O2-KR1
            https://github.com/acme/web/issues/3
            a < b, c<d
            """.ReplaceLineEndings("\n"),
            body);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("<div></div>")]
    [InlineData("<div><br></div><p>&nbsp;</p>")]
    [InlineData("<!-- nothing -->")]
    public void Html_without_text_is_no_body(string description) => Assert.Null(Body(description));

    [Fact]
    public void An_absent_or_null_description_is_no_body()
    {
        Assert.Null(ParseOne("""{ "id": 9, "fields": { "System.Title": "t" } }""").Body);
        Assert.Null(ParseOne("""{ "id": 9, "fields": { "System.Title": "t", "System.Description": null } }""").Body);
    }

    [Fact]
    public void A_tag_that_never_closes_leaves_the_rest_as_text()
    {
        Assert.Equal("Mirrors PAY-12\n<a title=\"x>then AB#7 <b", Body("<p>Mirrors PAY-12</p><a title=\"x>then AB#7 <b"));
    }

    [Fact]
    public void A_huge_description_is_cut_at_the_cap()
    {
        var body = Body("<div>" + new string('y', 50_000) + "</div><div>" + new string('z', 50_000) + "</div>");

        Assert.Equal(new string('y', 50_000) + "\n" + new string('z', 65_536 - 50_001), body);
    }
}
