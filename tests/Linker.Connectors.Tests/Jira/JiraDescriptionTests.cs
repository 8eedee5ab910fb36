using System.Text.Json;
using OkrLinker.Connectors.Jira;
using OkrLinker.Connectors.Parsing;
using OkrLinker.Connectors.Tests.Support;
using static OkrLinker.Connectors.Tests.Support.Sources;

namespace OkrLinker.Connectors.Tests.Jira;

/// <summary>Jira descriptions into <c>WorkItem.Body</c>: Cloud's ADF as plain text, Data Center's wiki markup as it is.</summary>
public sealed class JiraDescriptionTests
{
    private static string? Body(string issueJson)
    {
        using var document = JsonDocument.Parse(issueJson);
        return new JiraIssueParser(Options("jira"), Teams(), JiraFieldCatalog.Empty).ParseIssue(document.RootElement)!.Body;
    }

    private static string? Adf(string json)
    {
        using var document = JsonDocument.Parse(json);
        return AdfText.Of(document.RootElement);
    }

    [Fact]
    public void Issue_get_reads_its_adf_description_as_plain_text()
    {
        using var document = Conformance.Load("jira/v3-issue-get.json");

        var item = new JiraIssueParser(Options("jira"), Teams(), JiraFieldCatalog.Empty).ParseIssue(document.RootElement)!;

        Assert.Equal("ED-1", item.Key);
        Assert.Equal("Main order flow broken", item.Body);
    }

    [Fact]
    public void Search_jql_page_keeps_a_string_description_as_it_is()
    {
        using var document = Conformance.Load("jira/v3-search-jql.json");

        var page = new JiraIssueParser(Options("jira"), Teams(), JiraFieldCatalog.Empty).ParsePage(document.RootElement);

        Assert.Equal("Main order flow broken", Assert.Single(page.Items).Body); // Atlassian's example carries a string, not ADF
    }

    [Fact]
    public void Issues_without_a_description_have_no_body()
    {
        using var sprint = Conformance.Load("jira/v2-agile-sprint-issues-gojira.json");
        using var bulk = Conformance.Load("jira/v3-issue-bulkfetch.json");
        var parser = new JiraIssueParser(Options("jira"), Teams(), JiraFieldCatalog.Empty);

        Assert.All(parser.ParsePage(sprint.RootElement).Items, item => Assert.Null(item.Body));
        Assert.All(parser.ParsePage(bulk.RootElement).Items, item => Assert.Null(item.Body));
    }

    [Fact]
    public void Comment_bodies_in_adf_read_as_their_paragraph()
    {
        using var document = Conformance.Load("jira/v3-issue-comments.json");

        var body = document.RootElement.GetProperty("comments")[0].GetProperty("body");

        Assert.Equal(
            "Lorem ipsum dolor sit amet, consectetur adipiscing elit. Pellentesque eget venenatis elit. Duis eu justo eget augue iaculis fermentum. Sed semper quam laoreet nisi egestas at posuere augue semper.",
            AdfText.Of(body));
    }

    [Fact]
    public void Adf_blocks_become_lines_and_references_in_cards_links_and_mentions_stay_visible()
    {
        var text = Adf("""
            { "type": "doc", "version": 1, "content": [
              { "type": "heading", "attrs": { "level": 2 }, "content": [ { "type": "text", "text": "Plan" } ] },
              { "type": "paragraph", "content": [
                { "type": "text", "text": "Implements " },
                { "type": "text", "text": "AB#4711", "marks": [ { "type": "strong" }, { "type": "em" } ] },
                { "type": "text", "text": " with " },
                { "type": "mention", "attrs": { "id": "5b10ac8d82e05b22cc7d4ef5", "text": "@Ana Lopez", "accessLevel": "" } },
                { "type": "text", "text": " " },
                { "type": "emoji", "attrs": { "shortName": ":smile:", "id": "1f604", "text": "😄" } },
                { "type": "hardBreak" },
                { "type": "text", "text": "see " },
                { "type": "text", "text": "the fix", "marks": [ { "type": "link", "attrs": { "href": "https://github.com/acme/web/pull/12" } } ] },
                { "type": "text", "text": " and " },
                { "type": "text", "text": "https://github.com/acme/web/pull/13", "marks": [ { "type": "link", "attrs": { "href": "https://github.com/acme/web/pull/13" } } ] },
                { "type": "text", "text": " by " },
                { "type": "date", "attrs": { "timestamp": "1582152559" } }
              ] },
              { "type": "bulletList", "content": [
                { "type": "listItem", "content": [ { "type": "paragraph", "content": [ { "type": "text", "text": "first" } ] } ] },
                { "type": "listItem", "content": [ { "type": "paragraph", "content": [
                  { "type": "text", "text": "blocked by " },
                  { "type": "inlineCard", "attrs": { "url": "https://acme.atlassian.net/browse/PAY-12" } } ] } ] }
              ] },
              { "type": "orderedList", "attrs": { "order": 1 }, "content": [
                { "type": "listItem", "content": [ { "type": "paragraph", "content": [ { "type": "text", "text": "one" } ] } ] }
              ] },
              { "type": "codeBlock", "attrs": { "language": "bash" }, "content": [ { "type": "text", "text": "git checkout feature/pay-12\n  make test" } ] },
              { "type": "blockCard", "attrs": { "url": "https://github.com/acme/web/issues/12" } },
              { "type": "panel", "attrs": { "panelType": "info" }, "content": [
                { "type": "paragraph", "content": [
                  { "type": "text", "text": "Status: " },
                  { "type": "status", "attrs": { "text": "IN REVIEW", "color": "blue" } } ] } ] },
              { "type": "table", "content": [ { "type": "tableRow", "content": [
                { "type": "tableHeader", "content": [ { "type": "paragraph", "content": [ { "type": "text", "text": "KR" } ] } ] },
                { "type": "tableCell", "content": [ { "type": "paragraph", "content": [ { "type": "text", "text": "O2-KR1" } ] } ] } ] } ] },
              { "type": "rule" },
              { "type": "paragraph", "content": [] },
              { "type": "paragraph", "content": [ { "type": "text", "text": "Done." } ] }
            ] }
            """);

        Assert.Equal(
            """
            Plan
            Implements AB#4711 with @Ana Lopez 😄
            see the fix (https://github.com/acme/web/pull/12) and https://github.com/acme/web/pull/13 by
            first
            blocked by https://acme.atlassian.net/browse/PAY-12
            one
            git checkout feature/pay-12
              make test
            https://github.com/acme/web/issues/12
            Status: IN REVIEW
            KR
            O2-KR1
            Done.
            """.ReplaceLineEndings("\n"),
            text);
    }

    [Fact]
    public void Two_hard_breaks_leave_one_blank_line_and_more_leave_no_more()
    {
        var text = Adf("""
            { "type": "doc", "version": 1, "content": [ { "type": "paragraph", "content": [
              { "type": "text", "text": "top   " }, { "type": "hardBreak" }, { "type": "hardBreak" }, { "type": "hardBreak" }, { "type": "hardBreak" },
              { "type": "text", "text": "bottom" } ] } ] }
            """);

        Assert.Equal("top\n\nbottom", text); // trailing spaces of a line go too
    }

    [Theory]
    [InlineData("""{ "id": "1", "key": "PAY-1", "fields": { "summary": "s" } }""")]
    [InlineData("""{ "id": "1", "key": "PAY-1", "fields": { "summary": "s", "description": null } }""")]
    [InlineData("""{ "id": "1", "key": "PAY-1", "fields": { "summary": "s", "description": "" } }""")]
    [InlineData("""{ "id": "1", "key": "PAY-1", "fields": { "summary": "s", "description": "  \n " } }""")]
    [InlineData("""{ "id": "1", "key": "PAY-1", "fields": { "summary": "s", "description": { "type": "doc", "version": 1, "content": [] } } }""")]
    [InlineData("""{ "id": "1", "key": "PAY-1", "fields": { "summary": "s", "description": { "type": "doc", "version": 1, "content": [ { "type": "paragraph" } ] } } }""")]
    [InlineData("""{ "id": "1", "key": "PAY-1", "fields": { "summary": "s", "description": 42 } }""")]
    public void An_absent_null_or_empty_description_is_no_body(string issue) => Assert.Null(Body(issue));

    [Fact]
    public void Data_center_wiki_markup_is_kept_as_it_is()
    {
        var body = Body("""
            { "id": "10001", "key": "PAY-7", "fields": { "summary": "Retry", "description": "h2. Plan\r\nImplements AB#4711, see [the fix|https://github.com/acme/web/pull/12].\r\n{code}make test{code}" } }
            """);

        Assert.Equal("h2. Plan\r\nImplements AB#4711, see [the fix|https://github.com/acme/web/pull/12].\r\n{code}make test{code}", body);
    }

    [Fact]
    public void A_huge_description_is_cut_at_the_cap_in_either_form()
    {
        var huge = new string('x', 100_000);
        var asString = Body($$"""{ "id": "1", "key": "PAY-1", "fields": { "description": "{{huge}}" } }""");
        var asAdf = Body($$"""
            { "id": "1", "key": "PAY-1", "fields": { "description": { "type": "doc", "version": 1, "content": [
              { "type": "paragraph", "content": [ { "type": "text", "text": "{{huge}}" } ] },
              { "type": "paragraph", "content": [ { "type": "text", "text": "{{huge}}" } ] } ] } } }
            """);

        Assert.Equal(65_536, ItemBody.MaxLength);
        Assert.Equal(new string('x', 65_536), asString);
        Assert.Equal(new string('x', 65_536), asAdf);
    }
}
