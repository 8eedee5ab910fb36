namespace OkrLinker.Worker.Tests.Webhooks;

/// <summary>Jira's issue webhooks against the fake Jira.</summary>
public sealed class JiraWebhookTests : WebhookReceiverTests
{
    protected override Task<IWebhookRig> StartRigAsync(TimeSpan debounce) => Task.FromResult<IWebhookRig>(JiraWebhookRig.Start(debounce));
}
