namespace OkrLinker.Worker.Webhooks;

/// <summary>The body of a receiver's answer: the outcome, and the scopes whose sync the delivery asked for or joined.</summary>
internal sealed record WebhookAnswer(string Outcome, IReadOnlyList<string> Scopes);
