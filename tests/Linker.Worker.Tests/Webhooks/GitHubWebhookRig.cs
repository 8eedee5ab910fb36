using System.Globalization;
using System.Text;
using System.Text.Json;
using Octokit.Webhooks.Events.Issues;
using Octokit.Webhooks.Models;
using OkrLinker.Fakes;
using OkrLinker.Worker.Tests.Support;
using OkrLinker.Worker.Webhooks;

namespace OkrLinker.Worker.Tests.Webhooks;

/// <summary>
/// The fake GitHub (owner acme, repos web and api, project 7) and <c>issues</c> deliveries built from Octokit.Webhooks'
/// own models (<see cref="IssuesLabeledEvent"/>, <see cref="IssuesDeletedEvent"/>), signed as GitHub signs them.
/// </summary>
public sealed class GitHubWebhookRig : IWebhookRig
{
    private readonly FakeGitHub fake;
    private readonly string tokenVariable;
    private readonly string secretVariable;

    private GitHubWebhookRig(FakeGitHub fake, TempConfig config, string tokenVariable, string secretVariable)
    {
        this.fake = fake;
        Config = config;
        this.tokenVariable = tokenVariable;
        this.secretVariable = secretVariable;
    }

    public TempConfig Config { get; }

    public string Source => "gh";

    public string Kind => "github";

    public string Scope => "acme/web";

    public IReadOnlyList<string> OtherScopes => ["acme/api", "project:7"];

    public string Secret { get; } = "gh-secret-" + Guid.NewGuid().ToString("N");

    public static async Task<GitHubWebhookRig> StartAsync(TimeSpan debounce, string? store = null)
    {
        var data = FakeGitHubData.Generate(15, "acme", ["web", "api"], 120);
        var fake = await FakeGitHub.StartAsync(data);
        var token = "GH_HOOK_TOKEN_" + Guid.NewGuid().ToString("N");
        var secret = "GH_HOOK_SECRET_" + Guid.NewGuid().ToString("N");
        var config = new TempConfig().WithOkrs(TempConfig.GoodOkrs).WithConfig(WebhookConfig.Json(new
        {
            Name = "gh",
            Kind = "github",
            BaseUrl = fake.BaseUrl.ToString(),
            Owner = "acme",
            Repos = new[] { "web", "api" },
            ProjectNumbers = new[] { 7 },
            Auth = new { TokenEnv = token },
            Webhook = WebhookConfig.Webhook(secret, debounce),
            Schedule = WebhookConfig.Yearly,
        }, store));
        var rig = new GitHubWebhookRig(fake, config, token, secret);
        Environment.SetEnvironmentVariable(token, fake.Token);
        Environment.SetEnvironmentVariable(secret, rig.Secret);
        return rig;
    }

    /// <summary>The variables the source reads (for worker processes).</summary>
    public IReadOnlyDictionary<string, string> Variables => new Dictionary<string, string> { [tokenVariable] = fake.Token, [secretVariable] = Secret };

    public bool InScope(string key) => key.StartsWith("acme/web#", StringComparison.Ordinal);

    public void Label(string key, string label) =>
        fake.Data.Update("web", Number(key), i => i with { Labels = [.. i.Labels, label] });

    public void Delete(string key) => fake.Data.Delete("web", Number(key));

    public HttpRequestMessage Delivery(string key, string deliveryId, string secret, bool deleted = false)
    {
        var number = Number(key);
        var item = fake.Data.Find("web", number) ?? throw new InvalidOperationException($"{key} is not on the fake (deliver a deletion before deleting)");
        var labels = item.Labels;
        var issue = Issue(item.Id, number, item.Title, labels);
        var repository = Repository();
        object payload = deleted
            ? new IssuesDeletedEvent { Action = "deleted", Issue = issue, Repository = repository, Sender = User() }
            : new IssuesLabeledEvent { Action = "labeled", Issue = issue, Label = Label(labels.Count > 0 ? labels[^1] : "bug"), Repository = repository, Sender = User() };
        var body = JsonSerializer.SerializeToUtf8Bytes(payload, payload.GetType());
        var request = new HttpRequestMessage(HttpMethod.Post, new Uri($"hooks/github/{Source}", UriKind.Relative))
        {
            Content = new ByteArrayContent(body) { Headers = { { "Content-Type", "application/json" } } },
        };
        request.Headers.Add(GitHubWebhookReader.EventHeader, "issues");
        request.Headers.Add(GitHubWebhookReader.DeliveryHeader, deliveryId);
        request.Headers.Add(GitHubWebhookReader.SignatureHeader, HmacSignature.Of(secret, body));
        request.Headers.Add("User-Agent", "GitHub-Hookshot/test");
        return request;
    }

    public int RequestsFor(string scope) => scope.StartsWith("project:", StringComparison.Ordinal)
        ? fake.Requests.All.Count(r => r.IsGraphQL)
        : fake.Requests.All.Count(r => r.Path.Contains($"/repos/{scope}/", StringComparison.Ordinal));

    public async ValueTask DisposeAsync()
    {
        Environment.SetEnvironmentVariable(tokenVariable, null);
        Environment.SetEnvironmentVariable(secretVariable, null);
        await fake.DisposeAsync();
        Config.Dispose();
    }

    private static int Number(string key) => int.Parse(key[(key.IndexOf('#', StringComparison.Ordinal) + 1)..], CultureInfo.InvariantCulture);

    private static Issue Issue(long id, int number, string title, IReadOnlyList<string> labels)
    {
        var url = $"https://api.github.com/repos/acme/web/issues/{number}";
        return new Issue
        {
            Id = id,
            NodeId = $"I_{id}",
            Number = number,
            Title = title,
            Url = url,
            RepositoryUrl = "https://api.github.com/repos/acme/web",
            LabelsUrl = url + "/labels{/name}",
            CommentsUrl = url + "/comments",
            EventsUrl = url + "/events",
            HtmlUrl = $"https://github.com/acme/web/issues/{number}",
            User = User(),
            Labels = [.. labels.Select(Label)],
            State = IssueState.Open,
            Assignees = [],
            AuthorAssociation = AuthorAssociation.Member,
            CreatedAt = DateTimeOffset.UtcNow,
            UpdatedAt = DateTimeOffset.UtcNow,
        };
    }

    private static Label Label(string name) => new()
    {
        NodeId = "LA_" + name,
        Url = "https://api.github.com/repos/acme/web/labels/" + Uri.EscapeDataString(name),
        Name = name,
        Color = "ededed",
    };

    private static User User() => new()
    {
        Login = "pm",
        Id = 4711,
        NodeId = "U_pm",
        AvatarUrl = "https://avatars.githubusercontent.com/u/4711",
        Url = "https://api.github.com/users/pm",
        HtmlUrl = "https://github.com/pm",
        Type = UserType.User,
    };

    private static Repository Repository() => new()
    {
        Id = 1,
        NodeId = "R_web",
        Name = "web",
        FullName = "acme/web",
        Owner = User(),
        HtmlUrl = "https://github.com/acme/web",
        Url = "https://api.github.com/repos/acme/web",
    };
}
