namespace OkrLinker.Worker.Tests.Delivery.Support;

/// <summary>What <see cref="HttpReceiver"/> answers one request with.</summary>
internal sealed record WebhookReply(int Status, string Body = "")
{
    public static WebhookReply Ok { get; } = new(200, "ok");
}
