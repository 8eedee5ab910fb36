namespace OkrLinker.Connectors.Tests.Http.Support;

/// <summary>One request as <see cref="ScriptedHttpServer"/> saw it arrive.</summary>
/// <param name="ArrivedAt">Since the server started, on a monotonic clock: gaps between requests measure client waits.</param>
internal sealed record ReceivedRequest(int Index, string Method, string PathAndQuery, string Body, string ContentType, string Authorization, TimeSpan ArrivedAt);
