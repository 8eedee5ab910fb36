using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using OkrLinker.Fakes;
using OkrLinker.Worker.Tests.Support;
using OkrLinker.Worker.Webhooks;

namespace OkrLinker.Worker.Tests.Webhooks;

/// <summary>
/// The fake Azure DevOps (projects Shop and Mobile, one scope each) and <c>workitem.updated</c>/<c>workitem.deleted</c>
/// service-hook deliveries in the shape of Microsoft's published examples (subscriptionId, notificationId, eventType,
/// resource with its revision, resourceContainers), sent with basic-auth credentials whose password is the secret, as
/// a service hook subscription is set up; a deletion comes with the shared header instead.
/// </summary>
public sealed class AzureDevOpsWebhookRig : IWebhookRig
{
    private readonly FakeAzureDevOps fake;
    private readonly string tokenVariable;
    private readonly string secretVariable;
    private readonly Dictionary<string, int> notifications = [];
    private readonly string subscription = Guid.NewGuid().ToString();

    private AzureDevOpsWebhookRig(FakeAzureDevOps fake, TempConfig config, string tokenVariable, string secretVariable)
    {
        this.fake = fake;
        Config = config;
        this.tokenVariable = tokenVariable;
        this.secretVariable = secretVariable;
    }

    public TempConfig Config { get; }

    public string Source => "ado";

    public string Kind => "azure-devops";

    public string Scope => "Shop";

    public IReadOnlyList<string> OtherScopes => ["Mobile"];

    public string Secret { get; } = "ado-secret-" + Guid.NewGuid().ToString("N");

    public static AzureDevOpsWebhookRig Start(TimeSpan debounce)
    {
        var data = FakeAzureDevOpsData.Generate(45, [new("Shop", 300, FakeAdoProcess.Agile), new("Mobile", 200, FakeAdoProcess.Custom)]);
        var fake = FakeAzureDevOps.Start(data);
        var token = "ADO_HOOK_PAT_" + Guid.NewGuid().ToString("N");
        var secret = "ADO_HOOK_SECRET_" + Guid.NewGuid().ToString("N");
        var config = new TempConfig().WithOkrs(TempConfig.GoodOkrs).WithConfig(WebhookConfig.Json(new
        {
            Name = "ado",
            Kind = "azure-devops",
            BaseUrl = fake.BaseUrl.ToString().TrimEnd('/'),
            Projects = new[] { "Shop", "Mobile" },
            Auth = new { TokenEnv = token },
            Webhook = WebhookConfig.Webhook(secret, debounce),
            Schedule = WebhookConfig.Yearly,
        }));
        var rig = new AzureDevOpsWebhookRig(fake, config, token, secret);
        Environment.SetEnvironmentVariable(token, fake.Token);
        Environment.SetEnvironmentVariable(secret, rig.Secret);
        return rig;
    }

    public bool InScope(string key) => fake.Data.Find(Id(key))?.Project == "Shop";

    public void Label(string key, string label) => fake.Data.Edit(Id(key), i => i with { Tags = [.. i.Tags, label] });

    public void Delete(string key) => fake.Data.Delete(Id(key));

    public HttpRequestMessage Delivery(string key, string deliveryId, string secret, bool deleted = false)
    {
        var item = fake.Data.Find(Id(key)) ?? throw new InvalidOperationException($"{key} is not on the fake (deliver a deletion before deleting)");
        if (!notifications.TryGetValue(deliveryId, out var notification))
        {
            notifications[deliveryId] = notification = notifications.Count + 1;
        }

        var fields = new Dictionary<string, object?>
        {
            ["System.AreaPath"] = item.AreaPath,
            ["System.TeamProject"] = item.Project,
            ["System.WorkItemType"] = item.Type,
            ["System.State"] = item.State,
            ["System.Title"] = item.Title,
            ["System.Tags"] = string.Join("; ", item.Tags),
            ["System.ChangedDate"] = item.Changed.ToString("O", CultureInfo.InvariantCulture),
        };
        var url = $"{fake.BaseUrl}_apis/wit/workItems/{item.Id}";
        object resource = deleted
            ? new { id = item.Id, rev = item.Rev, fields, url }
            : new
            {
                id = item.Rev,
                workItemId = item.Id,
                rev = item.Rev,
                fields = new Dictionary<string, object?> { ["System.Tags"] = new { oldValue = "", newValue = fields["System.Tags"] } },
                revision = new { id = item.Id, rev = item.Rev, fields, url },
                url = $"{url}/updates/{item.Rev}",
            };
        var body = JsonSerializer.SerializeToUtf8Bytes(new
        {
            subscriptionId = subscription,
            notificationId = notification,
            id = Guid.NewGuid().ToString(),
            eventType = deleted ? "workitem.deleted" : "workitem.updated",
            publisherId = "tfs",
            message = new { text = $"{item.Type} #{item.Id} ({item.Title}) {(deleted ? "deleted" : "updated")} by A PM." },
            resource,
            resourceVersion = "1.0",
            resourceContainers = new { collection = new { id = Guid.Empty }, account = new { id = Guid.Empty }, project = new { id = Guid.Empty } },
            createdDate = DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture),
        });
        var request = new HttpRequestMessage(HttpMethod.Post, new Uri($"hooks/azure-devops/{Source}", UriKind.Relative))
        {
            Content = new ByteArrayContent(body) { Headers = { { "Content-Type", "application/json" } } },
        };
        if (deleted)
        {
            request.Headers.Add(AzureDevOpsWebhookReader.SecretHeader, secret);
        }
        else
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes("okrlinker:" + secret)));
        }

        return request;
    }

    public int RequestsFor(string scope) => fake.Journal.All.Count(r => r.Path.Contains($"/{scope}/", StringComparison.Ordinal));

    public ValueTask DisposeAsync()
    {
        Environment.SetEnvironmentVariable(tokenVariable, null);
        Environment.SetEnvironmentVariable(secretVariable, null);
        fake.Dispose();
        Config.Dispose();
        return ValueTask.CompletedTask;
    }

    private static int Id(string key) => int.Parse(key, CultureInfo.InvariantCulture);
}
