using OkrLinker.Connectors.GitHub;
using OkrLinker.Fakes;

namespace OkrLinker.Connectors.Tests.GitHub;

public sealed class GitHubProjectQueryTests
{
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void The_project_query_validates_against_githubs_published_schema(bool organization)
    {
        var errors = FakeGitHubGraphQL.Validate(GitHubProjectQuery.For(organization));

        Assert.Empty(errors);
    }

    [Theory]
    [InlineData("https://api.github.com", "https://api.github.com/", "https://api.github.com/graphql")]
    [InlineData("https://github.acme.com/api/v3", "https://github.acme.com/api/v3/", "https://github.acme.com/api/graphql")]
    [InlineData("http://127.0.0.1:5005/", "http://127.0.0.1:5005/", "http://127.0.0.1:5005/graphql")]
    public void Rest_and_graphql_addresses_follow_the_base_url(string baseUrl, string rest, string graphQl)
    {
        var root = GitHubEndpoints.RestRoot(baseUrl);

        Assert.Equal((rest, graphQl), (root.ToString(), GitHubEndpoints.GraphQl(root).ToString()));
    }
}
