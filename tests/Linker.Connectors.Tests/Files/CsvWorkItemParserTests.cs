using OkrLinker.Connectors.Files;
using OkrLinker.Core.Configuration;
using OkrLinker.Core.Items;
using OkrLinker.Core.Sources;
using static OkrLinker.Connectors.Tests.Support.Sources;

namespace OkrLinker.Connectors.Tests.Files;

public sealed class CsvWorkItemParserTests
{
    private static IReadOnlyList<WorkItem> Parse(string csv, SourceOptions? options = null, TeamResolver? teams = null) =>
        new CsvWorkItemParser(options ?? Options("sheet"), teams ?? Teams()).Parse(new StringReader(csv), "tickets.csv");

    private static string ErrorOf(string csv) =>
        Assert.Throws<FormatException>(() => Parse(csv)).Message;

    [Fact]
    public void Every_column_is_read_in_any_order_and_case()
    {
        var items = Parse("""
            Title,KEY,State,Category,Type,Team,Project,Area,Components,Labels,KR,Parent,Points,Created,Updated,Resolved,Url,Id
            "Retry card payments, again",PAY-12,Shipped,Done,Story,payments,PAY,Shop\Checkout,Checkout;API,kr:O2-KR1; backend,O2-KR1;O1-KR3,PAY-10,5,2026-10-01T09:00:00+02:00,2026-10-08T10:00:00Z,2026-10-07T16:30:00Z,https://acme.atlassian.net/browse/PAY-12,10042
            """);

        var item = Assert.Single(items);
        Assert.Equal("sheet", item.Source);
        Assert.Equal("10042", item.ExternalId);
        Assert.Equal("PAY-12", item.Key);
        Assert.Equal("Retry card payments, again", item.Title);
        Assert.Equal("Story", item.Type);
        Assert.Equal("Shipped", item.State);
        Assert.Equal(StateCategory.Done, item.Category); // the category column beats the (unknown) state name
        Assert.Equal("payments", item.Team);
        Assert.Equal("PAY", item.Project);
        Assert.Equal("Shop\\Checkout", item.Area);
        Assert.Equal(["Checkout", "API"], item.Components);
        Assert.Equal(["kr:O2-KR1", "backend"], item.Labels);
        Assert.Equal(["O2-KR1", "O1-KR3"], item.KrValues);
        Assert.Equal("PAY-10", item.ParentKey);
        Assert.Null(item.ParentId);
        Assert.Equal(5.0, item.StoryPoints);
        Assert.Equal(Utc(2026, 10, 1, 7, 0), item.Created); // 09:00 +02:00
        Assert.Equal(Utc(2026, 10, 8, 10, 0), item.Updated);
        Assert.Equal(Utc(2026, 10, 7, 16, 30), item.Resolved);
        Assert.Equal("https://acme.atlassian.net/browse/PAY-12", item.Url);
    }

    [Fact]
    public void Body_and_branch_columns_are_read_for_references()
    {
        var item = Assert.Single(Parse("""
            key,title,state,created,body,branch
            acme/web#88,Retry on decline,open,2026-11-10,"Implements PAY-12.
            Also AB#4711.",feature/pay-12-retry
            """));

        Assert.Equal(("Implements PAY-12.\nAlso AB#4711.", "feature/pay-12-retry"), (item.Body?.ReplaceLineEndings("\n"), item.Branch));
    }

    [Fact]
    public void Minimal_rows_take_defaults_well_known_states_and_the_teams_map()
    {
        var items = Parse(
            """
            key,title,state,created,project
            GRO-1,Onboarding checklist,In Progress,2026-10-05T09:15:00,GRO
            GRO-2,Welcome mail,Closed,2026-10-05,
            GRO-3,Old idea,Cut,2026-10-06T00:00:00Z,GRO
            """,
            teams: Teams(("sheet:GRO", "growth")));

        Assert.Equal(["GRO-1", "GRO-2", "GRO-3"], items.Select(i => i.ExternalId)); // id defaults to key
        Assert.Equal([StateCategory.InProgress, StateCategory.Done, StateCategory.Removed], items.Select(i => i.Category));
        Assert.Equal(["growth", "", "growth"], items.Select(i => i.Team));
        Assert.Equal(Utc(2026, 10, 5, 9, 15), items[0].Created); // no offset: UTC
        Assert.Equal(items[0].Created, items[0].Updated); // updated defaults to created
        Assert.Null(items[0].Resolved);
        Assert.Equal(Utc(2026, 10, 5), items[1].Resolved); // Done without resolved: the last update
        Assert.Equal("", items[0].Type);
        Assert.Empty(items[0].Labels);
        Assert.Null(items[0].StoryPoints);
    }

    [Fact]
    public void State_overrides_apply_when_there_is_no_category_column()
    {
        var options = Options("sheet");
        options.StateCategories["Parked"] = StateCategory.Removed;

        var item = Assert.Single(Parse("key,title,state,created\nX-1,Parked thing,Parked,2026-10-05\n", options));

        Assert.Equal(StateCategory.Removed, item.Category);
    }

    [Fact]
    public void A_bad_timestamp_names_file_line_and_column()
    {
        var message = ErrorOf("""
            key,title,state,created
            PAY-1,Fine,Done,2026-10-05T10:00:00Z
            PAY-2,Broken,Done,yesterday
            """);

        Assert.Equal("tickets.csv, line 3, column 'created': 'yesterday' is not an ISO 8601 timestamp.", message);
    }

    [Fact]
    public void Missing_required_value_category_and_points_errors_name_the_column()
    {
        Assert.Equal(
            "tickets.csv, line 2, column 'title': a value is required.",
            ErrorOf("key,title,state,created\nPAY-1,,Done,2026-10-05\n"));
        Assert.Equal(
            "tickets.csv, line 2, column 'category': 'Blocked' is not a category (ToDo, InProgress, Done, Removed).",
            ErrorOf("key,title,state,category,created\nPAY-1,T,Done,Blocked,2026-10-05\n"));
        Assert.Equal(
            "tickets.csv, line 2, column 'category': '2' is not a category (ToDo, InProgress, Done, Removed).",
            ErrorOf("key,title,state,category,created\nPAY-1,T,Done,2,2026-10-05\n"));
        Assert.Equal(
            "tickets.csv, line 2, column 'points': 'five' is not a number.",
            ErrorOf("key,title,state,points,created\nPAY-1,T,Done,five,2026-10-05\n"));
    }

    [Fact]
    public void A_header_without_a_required_column_is_an_error_on_line_one()
    {
        Assert.Equal(
            "tickets.csv, line 1, column 'state': the header has no 'state' column, which is required.",
            ErrorOf("key,title,created\nPAY-1,T,2026-10-05\n"));
    }

    [Fact]
    public void Line_numbers_count_blank_lines_and_quoted_line_breaks()
    {
        // Line 2 holds a title spanning lines 2-3; line 4 is blank; the bad row starts on line 5.
        var message = ErrorOf("key,title,state,created\nPAY-1,\"two\nlines\",Done,2026-10-05\n\nPAY-2,T,Done,\n");

        Assert.Equal("tickets.csv, line 5, column 'created': a value is required.", message);
    }

    [Fact]
    public void Spelled_out_categories_are_accepted()
    {
        var item = Assert.Single(Parse("key,title,state,category,created\nX-1,T,Review,in progress,2026-10-05\n"));

        Assert.Equal(StateCategory.InProgress, item.Category);
    }

    [Fact]
    public void The_example_in_the_format_doc_parses()
    {
        // Same text as the example in README.md.
        var items = Parse("""
            key,title,type,state,team,project,labels,kr,parent,points,created,updated,resolved
            PAY-10,Card retries,Epic,In Progress,payments,PAY,,O2-KR1,,,2026-09-28T08:00:00Z,2026-10-06T12:00:00Z,
            PAY-12,Retry declined cards once,Story,Done,,PAY,backend;kr:O2-KR1,,PAY-10,5,2026-10-01T09:00:00Z,2026-10-07T16:30:00Z,2026-10-07T16:30:00Z
            GRO-3,Fix signup typo,Bug,To Do,growth,GRO,support,,,1,2026-10-05,,
            """);

        Assert.Equal([StateCategory.InProgress, StateCategory.Done, StateCategory.ToDo], items.Select(i => i.Category));
        Assert.Equal(["payments", "PAY", "growth"], items.Select(i => i.Team)); // no team column value, no Teams entry: the project
        Assert.Equal(["O2-KR1"], items[0].KrValues);
        Assert.Equal(["backend", "kr:O2-KR1"], items[1].Labels);
        Assert.Equal("PAY-10", items[1].ParentKey);
        Assert.Equal(Utc(2026, 10, 7, 16, 30), items[1].Resolved);
        Assert.Equal(1.0, items[2].StoryPoints);
        Assert.Equal(Utc(2026, 10, 5), items[2].Updated);
    }

    [Fact]
    public void An_empty_file_has_no_items() => Assert.Empty(Parse(""));
}
