using OkrLinker.Connectors.GitHub;
using OkrLinker.Connectors.Tests.Support;

namespace OkrLinker.Connectors.Tests.GitHub;

public sealed class GitHubLinkHeaderTests
{
    private const string Base = "https://api.github.com/repositories/515435940/issues?per_page=3&page=";

    [Fact]
    public void Recorded_pages_chain_from_one_to_five_through_rel_next()
    {
        var visited = new List<int> { 1 };
        for (var page = 1; GitHubLinkHeader.Next(Conformance.LinkHeader($"github/issues-list-for-repo-page{page}.headers.txt")) is { } next;)
        {
            Assert.StartsWith(Base, next.AbsoluteUri, StringComparison.Ordinal);
            page = int.Parse(next.AbsoluteUri[Base.Length..], System.Globalization.CultureInfo.InvariantCulture);
            visited.Add(page);
            Assert.True(visited.Count <= 5, "the chain must end");
        }

        Assert.Equal([1, 2, 3, 4, 5], visited);
    }

    [Fact]
    public void First_page_names_next_and_last()
    {
        var links = GitHubLinkHeader.Parse(Conformance.LinkHeader("github/issues-list-for-repo-page1.headers.txt"));

        Assert.Equal(2, links.Count);
        Assert.Equal(new Uri(Base + "2"), links["next"]);
        Assert.Equal(new Uri(Base + "5"), links["last"]);
    }

    [Fact]
    public void Middle_page_names_all_four_relations()
    {
        var links = GitHubLinkHeader.Parse(Conformance.LinkHeader("github/issues-list-for-repo-page3.headers.txt"));

        Assert.Equal(new Uri(Base + "2"), links["prev"]);
        Assert.Equal(new Uri(Base + "4"), links["next"]);
        Assert.Equal(new Uri(Base + "5"), links["last"]);
        Assert.Equal(new Uri(Base + "1"), links["first"]);
    }

    [Fact]
    public void Last_page_has_no_next_and_no_last()
    {
        var header = Conformance.LinkHeader("github/issues-list-for-repo-page5.headers.txt");

        Assert.Null(GitHubLinkHeader.Next(header));
        Assert.Null(GitHubLinkHeader.Last(header));
        Assert.Equal(new Uri(Base + "4"), GitHubLinkHeader.Parse(header)["prev"]);
    }

    [Fact]
    public void Openapi_example_header_parses()
    {
        var header = Conformance.LinkHeader("github/openapi-issues-list-for-repo.headers.txt");

        Assert.Equal(new Uri("https://api.github.com/resource?page=2"), GitHubLinkHeader.Next(header));
        Assert.Equal(new Uri("https://api.github.com/resource?page=5"), GitHubLinkHeader.Last(header));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("garbage")]
    [InlineData("<not a url>; rel=\"next\"")]
    public void Missing_or_malformed_header_has_no_links(string? header) => Assert.Empty(GitHubLinkHeader.Parse(header));

    [Fact]
    public void A_comma_inside_the_url_does_not_split_the_link()
    {
        var next = GitHubLinkHeader.Next("<https://api.github.com/search/issues?q=a,b&page=2>; rel=\"next\"");

        Assert.Equal("https://api.github.com/search/issues?q=a,b&page=2", next?.OriginalString);
    }
    [Theory]
    [InlineData("https://api.github.com/repositories/1/issues?state=all&per_page=100&page=100", 100)]
    [InlineData("https://api.github.com/repositories/1/issues?page=7&per_page=100", 7)]
    [InlineData("https://api.github.com/repositories/1/issues?after=Y3Vyc29y&per_page=100", null)]
    public void The_page_number_of_a_link_is_its_page_parameter(string link, int? page) =>
        Assert.Equal(page, GitHubLinkHeader.PageOf(new Uri(link)));

    [Fact]
    public void A_link_with_another_page_keeps_every_other_parameter()
    {
        var last = new Uri("https://api.github.com/repositories/1/issues?state=all&sort=created&page=100&per_page=100");

        Assert.Equal(
            "https://api.github.com/repositories/1/issues?state=all&sort=created&per_page=100&page=42",
            GitHubLinkHeader.WithPage(last, 42).ToString());
    }
}
