namespace OkrLinker.Worker.Tests.Delivery.Support;

internal sealed record ReceivedHttpRequest(string Method, string Path, string? ContentType, string Body, int AnsweredStatus);
