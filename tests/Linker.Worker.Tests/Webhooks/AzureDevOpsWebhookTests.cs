namespace OkrLinker.Worker.Tests.Webhooks;

/// <summary>Azure DevOps' work item service hooks against the fake Azure DevOps.</summary>
public sealed class AzureDevOpsWebhookTests : WebhookReceiverTests
{
    protected override Task<IWebhookRig> StartRigAsync(TimeSpan debounce) => Task.FromResult<IWebhookRig>(AzureDevOpsWebhookRig.Start(debounce));
}
