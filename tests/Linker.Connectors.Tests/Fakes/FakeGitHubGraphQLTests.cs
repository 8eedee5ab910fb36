using System.Diagnostics;
using System.Text.Json;
using OkrLinker.Fakes;
using OkrLinker.Fakes.GitHub.GraphQL;
using static OkrLinker.Connectors.Tests.Fakes.FakeGitHubHttp;

namespace OkrLinker.Connectors.Tests.Fakes;

public sealed class FakeGitHubGraphQLTests
{
    /// <summary>The exact query the GitHub connector sends for the project's Key Result values.</summary>
    // The query the GitHub connector sends, so the fake is tested against exactly that.
    private static readonly string ProjectKeyResults = OkrLinker.Connectors.GitHub.GitHubProjectQuery.For(organization: true);

    [Fact]
    public void The_connectors_project_query_validates_against_GitHubs_schema()
    {
        Assert.Empty(FakeGitHubGraphQL.Validate(ProjectKeyResults));
    }

    [Fact]
    public async Task The_connectors_project_query_returns_the_project_items_with_their_Key_Result()
    {
        var data = new FakeGitHubData("acme");
        data.AddRepo("web");
        data.AddRepo("api");
        data.AddIssues("web", 1);
        data.Add("web", "A pull request", pullRequest: true);
        data.AddIssues("api", 1);
        data.SetProjectField("web", 1, "O1-KR1");
        data.SetProjectField("web", 2, "O2-KR1");
        data.SetProjectField("api", 1, null);
        await using var fake = await FakeGitHub.StartAsync(data);
        using var client = Client(fake);

        using var answer = await PostGraphQLAsync(client, ProjectKeyResults, new { owner = "acme", number = 7, field = "Key Result", after = (string?)null });

        // Ids count up from 1_000_001 in creation order: web#1, web#2 (the PR), api#1.
        var items = answer.RootElement.GetProperty("data").GetProperty("organization").GetProperty("projectV2").GetProperty("items");
        Assert.False(answer.RootElement.TryGetProperty("errors", out _));
        Assert.False(items.GetProperty("pageInfo").GetProperty("hasNextPage").GetBoolean());
        Assert.Equal(
            [("Issue", "1000001", 1, "acme/web", "O1-KR1"), ("PullRequest", "1000002", 2, "acme/web", "O2-KR1"), ("Issue", "1000003", 1, "acme/api", null)],
            items.GetProperty("nodes").EnumerateArray().Select(Row));
        var value = items.GetProperty("nodes")[0].GetProperty("fieldValueByName");
        Assert.Equal("ProjectV2ItemFieldSingleSelectValue", value.GetProperty("__typename").GetString());
        Assert.False(value.TryGetProperty("text", out _));
        var entry = Assert.Single(fake.Requests.All);
        Assert.Equal((true, "ProjectKeyResults", false), (entry.IsGraphQL, entry.OperationName, entry.HadGraphQLErrors));
        Assert.Equal(1, fake.GraphQL.Used);
    }

    [Fact]
    public async Task Project_items_page_by_100_through_endCursor()
    {
        var data = new FakeGitHubData("acme") { KeyResultIsSingleSelect = false };
        data.AddRepo("web");
        foreach (var issue in data.AddIssues("web", 250))
        {
            data.SetProjectField("web", issue.Number, "O3-KR3");
        }

        await using var fake = await FakeGitHub.StartAsync(data);
        using var client = Client(fake);

        var numbers = new List<int>();
        string? after = null;
        var pages = 0;
        do
        {
            using var answer = await PostGraphQLAsync(client, ProjectKeyResults, new { owner = "acme", number = 7, field = "Key Result", after });
            var items = answer.RootElement.GetProperty("data").GetProperty("organization").GetProperty("projectV2").GetProperty("items");
            numbers.AddRange(items.GetProperty("nodes").EnumerateArray().Select(node => node.GetProperty("content").GetProperty("number").GetInt32()));
            var value = items.GetProperty("nodes")[0].GetProperty("fieldValueByName");
            Assert.Equal(("ProjectV2ItemFieldTextValue", "O3-KR3"), (value.GetProperty("__typename").GetString(), value.GetProperty("text").GetString()));
            after = items.GetProperty("pageInfo").GetProperty("hasNextPage").GetBoolean()
                ? items.GetProperty("pageInfo").GetProperty("endCursor").GetString()
                : null;
            pages++;
        }
        while (after is not null);

        // 250 = 100 + 100 + 50, in the order they joined the project.
        Assert.Equal(3, pages);
        Assert.Equal(Enumerable.Range(1, 250), numbers);
    }

    [Theory]
    [InlineData("fullDatabaseIdd", "Field 'fullDatabaseIdd' doesn't exist on type 'Issue'")]
    [InlineData("missingArgument", "Field 'organization' is missing required arguments: login")]
    [InlineData("wrongFragment", "Fragment on ProjectV2ItemFieldTextValue can't be spread inside ProjectV2ItemContent")]
    [InlineData("scalarSelection", "Selections can't be made on scalars (field 'number' returns Int but has selections [id])")]
    [InlineData("noSelection", "Field must have selections (field 'viewer' returns User! but has no selections. Did you mean 'viewer { ... }'?)")]
    [InlineData("undeclaredVariable", "Variable $login is used by Q but not declared")]
    [InlineData("unknownArgument", "Field 'items' doesn't accept argument 'top'")]
    [InlineData("unknownType", "No such type Ticket, so it can't be a fragment condition")]
    public async Task Invalid_queries_answer_200_with_GitHubs_error_messages(string mistake, string message)
    {
        var query = mistake switch
        {
            "fullDatabaseIdd" => ProjectKeyResults.Replace("... on Issue { fullDatabaseId", "... on Issue { fullDatabaseIdd", StringComparison.Ordinal),
            "missingArgument" => "query Q { organization { login } }",
            "wrongFragment" => ProjectKeyResults.Replace("__typename\n            ... on Issue", "__typename\n            ... on ProjectV2ItemFieldTextValue { text }\n            ... on Issue", StringComparison.Ordinal),
            "scalarSelection" => "query Q { repository(owner: \"acme\", name: \"web\") { issues(first: 1) { nodes { number { id } } } } }",
            "noSelection" => "query Q { viewer }",
            "undeclaredVariable" => "query Q { user(login: $login) { login } }",
            "unknownArgument" => "query Q { organization(login: \"acme\") { projectV2(number: 7) { items(top: 5) { totalCount } } } }",
            _ => "query Q { viewer { ... on Ticket { id } } }",
        };
        await using var fake = await FakeGitHub.StartAsync(FiveIssues());
        using var client = Client(fake);

        using var answer = await PostGraphQLAsync(client, query, new { owner = "acme", number = 7, field = "Key Result" });

        Assert.False(answer.RootElement.TryGetProperty("data", out _));
        var error = Assert.Single(answer.RootElement.GetProperty("errors").EnumerateArray());
        Assert.Equal(message, error.GetProperty("message").GetString());
        Assert.True(error.GetProperty("locations")[0].GetProperty("line").GetInt32() >= 1);
        Assert.True(Assert.Single(fake.Requests.All).HadGraphQLErrors);
        Assert.Equal(0, fake.GraphQL.Used);
    }

    [Fact]
    public void Error_locations_point_at_the_offending_field()
    {
        var error = Assert.Single(FakeGitHubGraphQL.Validate("query Q {\n  viewer {\n    loginn\n  }\n}"));

        Assert.Equal("Field 'loginn' doesn't exist on type 'User'", error.Message);
        Assert.Equal([new FakeGraphQLLocation(3, 5)], error.Locations);
        Assert.Equal(["query Q", "viewer", "loginn"], error.Path!);
    }

    [Fact]
    public async Task First_over_100_is_rejected_like_GitHub_does()
    {
        await using var fake = await FakeGitHub.StartAsync(FiveIssues());
        using var client = Client(fake);

        using var answer = await PostGraphQLAsync(client, "query { repository(owner: \"acme\", name: \"web\") { issues(first: 101) { totalCount } } }");

        Assert.False(answer.RootElement.TryGetProperty("data", out _));
        Assert.Equal(
            "Requesting 101 records on the `issues` connection exceeds the `first` limit of 100 records.",
            answer.RootElement.GetProperty("errors")[0].GetProperty("message").GetString());
    }

    [Fact]
    public async Task Aliases_key_the_answer_and_other_roots_resolve()
    {
        await using var fake = await FakeGitHub.StartAsync(FiveIssues(), new FakeGitHubOptions { ViewerLogin = "okr-bot" });
        using var client = Client(fake);
        const string query = """
            query {
              me: viewer { login }
              budget: rateLimit { limit remaining cost }
              repo: repository(owner: "acme", name: "web") {
                open: issues(first: 10, states: [OPEN]) { totalCount nodes { number fullDatabaseId } }
                all: issues(first: 2) { nodes { number } pageInfo { hasNextPage } }
              }
              nodes(ids: ["I_kwDOFk1000003", "nope"]) { __typename ... on Issue { number title } }
            }
            """;

        using var answer = await PostGraphQLAsync(client, query);

        // Budget 5000, this query cost 1: 4999 left. Open issues: 1, 3, 5 (ids 1_000_001, 1_000_003, 1_000_005).
        var data = answer.RootElement.GetProperty("data");
        Assert.Equal("okr-bot", data.GetProperty("me").GetProperty("login").GetString());
        Assert.Equal((5000, 4999, 1), (data.GetProperty("budget").GetProperty("limit").GetInt32(), data.GetProperty("budget").GetProperty("remaining").GetInt32(), data.GetProperty("budget").GetProperty("cost").GetInt32()));
        var open = data.GetProperty("repo").GetProperty("open");
        Assert.Equal(3, open.GetProperty("totalCount").GetInt32());
        Assert.Equal(["1000001", "1000003", "1000005"], open.GetProperty("nodes").EnumerateArray().Select(node => node.GetProperty("fullDatabaseId").GetString()));
        Assert.Equal([1, 2], data.GetProperty("repo").GetProperty("all").GetProperty("nodes").EnumerateArray().Select(node => node.GetProperty("number").GetInt32()));
        Assert.True(data.GetProperty("repo").GetProperty("all").GetProperty("pageInfo").GetProperty("hasNextPage").GetBoolean());
        Assert.Equal(3, data.GetProperty("nodes")[0].GetProperty("number").GetInt32());
        Assert.Equal(JsonValueKind.Null, data.GetProperty("nodes")[1].ValueKind);
    }

    [Fact]
    public async Task Unknown_organization_is_null_with_a_NOT_FOUND_error()
    {
        await using var fake = await FakeGitHub.StartAsync(FiveIssues());
        using var client = Client(fake);

        using var answer = await PostGraphQLAsync(client, ProjectKeyResults, new { owner = "nobody", number = 7, field = "Key Result" });

        Assert.Equal(JsonValueKind.Null, answer.RootElement.GetProperty("data").GetProperty("organization").ValueKind);
        var error = answer.RootElement.GetProperty("errors")[0];
        Assert.Equal(("NOT_FOUND", "Could not resolve to an Organization with the login of 'nobody'."), (error.GetProperty("type").GetString(), error.GetProperty("message").GetString()));
        Assert.Equal("organization", error.GetProperty("path")[0].GetString());
    }

    [Fact]
    public async Task Spent_graphql_budget_answers_a_RATE_LIMIT_error_and_the_enterprise_path_works()
    {
        await using var fake = await FakeGitHub.StartAsync(FiveIssues(), new FakeGitHubOptions { GraphQLLimit = 1 });
        using var client = Client(fake);

        using var first = await PostGraphQLAsync(client, "query { viewer { login } }", path: "api/graphql");
        using var second = await PostGraphQLAsync(client, "query { viewer { login } }");

        Assert.True(first.RootElement.TryGetProperty("data", out _));
        Assert.Equal("RATE_LIMIT", second.RootElement.GetProperty("errors")[0].GetProperty("type").GetString());
        Assert.Equal((1, 0), (fake.GraphQL.Used, fake.Core.Used));
        Assert.Equal(["/api/graphql", "/graphql"], fake.Requests.All.Select(entry => entry.Path));
    }

    [Fact]
    public void The_schema_is_parsed_once_so_later_validations_are_fast()
    {
        var schema = GitHubSchema.Load(FakeGitHubGraphQL.DefaultSchemaPath);
        Assert.Empty(FakeGitHubGraphQL.Validate(ProjectKeyResults));

        var watch = Stopwatch.StartNew();
        var errors = FakeGitHubGraphQL.Validate(ProjectKeyResults);
        watch.Stop();

        Assert.Empty(errors);
        Assert.Same(schema, GitHubSchema.Load(FakeGitHubGraphQL.DefaultSchemaPath));
        Assert.True(watch.ElapsedMilliseconds < 50, $"a cached validation took {watch.ElapsedMilliseconds} ms");
    }

    private static (string?, string?, int, string?, string?) Row(JsonElement node)
    {
        var content = node.GetProperty("content");
        var value = node.GetProperty("fieldValueByName");
        return (
            content.GetProperty("__typename").GetString(),
            content.GetProperty("fullDatabaseId").GetString(),
            content.GetProperty("number").GetInt32(),
            content.GetProperty("repository").GetProperty("nameWithOwner").GetString(),
            value.ValueKind == JsonValueKind.Null ? null : value.GetProperty("name").GetString());
    }
}
