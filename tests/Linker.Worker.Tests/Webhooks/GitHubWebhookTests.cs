namespace OkrLinker.Worker.Tests.Webhooks;

/// <summary>GitHub's <c>issues</c> webhooks against the fake GitHub.</summary>
public sealed class GitHubWebhookTests : WebhookReceiverTests
{
    protected override async Task<IWebhookRig> StartRigAsync(TimeSpan debounce) => await GitHubWebhookRig.StartAsync(debounce);
}
