using System.Text;
using System.Text.Json;
using OkrLinker.Fakes;
using OkrLinker.Fakes.Jira;
using OkrLinker.Worker.Tests.Support;
using OkrLinker.Worker.Webhooks;

namespace OkrLinker.Worker.Tests.Webhooks;

/// <summary>
/// The fake Jira (projects PAY and GRO, one scope each) and <c>jira:issue_updated</c>/<c>jira:issue_deleted</c>
/// deliveries in the shape of Atlassian's published webhook example (webhookEvent, issue with its fields and project,
/// changelog), signed <c>X-Hub-Signature: sha256=…</c> as Jira signs a webhook that has a secret.
/// </summary>
public sealed class JiraWebhookRig : IWebhookRig
{
    private readonly FakeJira fake;
    private readonly string tokenVariable;
    private readonly string secretVariable;

    private JiraWebhookRig(FakeJira fake, TempConfig config, string tokenVariable, string secretVariable)
    {
        this.fake = fake;
        Config = config;
        this.tokenVariable = tokenVariable;
        this.secretVariable = secretVariable;
    }

    public TempConfig Config { get; }

    public string Source => "jira";

    public string Kind => "jira";

    public string Scope => "PAY";

    public IReadOnlyList<string> OtherScopes => ["GRO"];

    public string Secret { get; } = "jira-secret-" + Guid.NewGuid().ToString("N");

    public IReadOnlyDictionary<string, string> Variables => new Dictionary<string, string> { [tokenVariable] = fake.Token, [secretVariable] = Secret };

    public static JiraWebhookRig Start(TimeSpan debounce, string? store = null)
    {
        var fake = FakeJira.Start(FakeJiraData.Generate(21, ["PAY", "GRO"], 160), new FakeJiraOptions());
        var token = "JIRA_HOOK_TOKEN_" + Guid.NewGuid().ToString("N");
        var secret = "JIRA_HOOK_SECRET_" + Guid.NewGuid().ToString("N");
        var config = new TempConfig().WithOkrs(TempConfig.GoodOkrs).WithConfig(WebhookConfig.Json(new
        {
            Name = "jira",
            Kind = "jira",
            BaseUrl = fake.BaseUrl.ToString(),
            Flavor = fake.Flavor.ToString(),
            Projects = new[] { "PAY", "GRO" },
            Auth = new { Email = fake.Email, TokenEnv = token },
            Webhook = WebhookConfig.Webhook(secret, debounce),
            Schedule = WebhookConfig.Yearly,
        }, store));
        var rig = new JiraWebhookRig(fake, config, token, secret);
        Environment.SetEnvironmentVariable(token, fake.Token);
        Environment.SetEnvironmentVariable(secret, rig.Secret);
        return rig;
    }

    public bool InScope(string key) => key.StartsWith("PAY-", StringComparison.Ordinal);

    public void Label(string key, string label) => fake.Data.Edit(Issue(key).Id, i => i with { Labels = [.. i.Labels, label] });

    public void Delete(string key) => fake.Data.Delete(Issue(key).Id);

    public HttpRequestMessage Delivery(string key, string deliveryId, string secret, bool deleted = false)
    {
        var issue = Issue(key);
        var body = JsonSerializer.SerializeToUtf8Bytes(new Dictionary<string, object?>
        {
            ["timestamp"] = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds(),
            ["webhookEvent"] = deleted ? "jira:issue_deleted" : "jira:issue_updated",
            ["issue_event_type_name"] = deleted ? "issue_deleted" : "issue_updated",
            ["user"] = new { self = $"{fake.BaseUrl}rest/api/2/user?accountId=5b10a2844c20165700ede21g", accountId = "5b10a2844c20165700ede21g", displayName = "A PM", active = true },
            ["issue"] = new
            {
                id = issue.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
                self = $"{fake.BaseUrl}rest/api/2/issue/{issue.Id}",
                key = issue.Key,
                fields = new
                {
                    summary = issue.Summary,
                    labels = issue.Labels,
                    issuetype = new { name = issue.Type },
                    project = new { id = "10000", key = issue.Project, name = issue.Project },
                },
            },
            ["changelog"] = deleted ? null : new
            {
                id = "10100",
                items = new[] { new { field = "labels", fieldtype = "jira", from = (string?)null, fromString = "", to = (string?)null, toString = string.Join(' ', issue.Labels) } },
            },
        });
        var request = new HttpRequestMessage(HttpMethod.Post, new Uri($"hooks/jira/{Source}", UriKind.Relative))
        {
            Content = new ByteArrayContent(body) { Headers = { { "Content-Type", "application/json" } } },
        };
        request.Headers.Add(JiraWebhookReader.DeliveryHeader, deliveryId);
        request.Headers.Add(JiraWebhookReader.SignatureHeader, HmacSignature.Of(secret, body));
        return request;
    }

    public int RequestsFor(string scope) => fake.Searches.Count(q => q.Contains($"project = \"{scope}\"", StringComparison.Ordinal));

    public ValueTask DisposeAsync()
    {
        Environment.SetEnvironmentVariable(tokenVariable, null);
        Environment.SetEnvironmentVariable(secretVariable, null);
        fake.Dispose();
        Config.Dispose();
        return ValueTask.CompletedTask;
    }

    private FakeJiraIssue Issue(string key) => fake.Data.Issues.Single(i => i.Key == key);
}
