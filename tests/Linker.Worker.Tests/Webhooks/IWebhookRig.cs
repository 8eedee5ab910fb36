using OkrLinker.Worker.Tests.Support;

namespace OkrLinker.Worker.Tests.Webhooks;

/// <summary>One tracker's fake, a config whose one source receives that tracker's webhooks, and its deliveries.</summary>
public interface IWebhookRig : IAsyncDisposable
{
    TempConfig Config { get; }

    /// <summary>The source's name.</summary>
    string Source { get; }

    /// <summary>The path segment: <c>github</c>, <c>jira</c>, <c>azure-devops</c>.</summary>
    string Kind { get; }

    /// <summary>The scope the deliveries touch.</summary>
    string Scope { get; }

    /// <summary>The source's other scopes, which no delivery touches.</summary>
    IReadOnlyList<string> OtherScopes { get; }

    /// <summary>The webhook secret the source is configured with.</summary>
    string Secret { get; }

    /// <summary>True when the item key belongs to <see cref="Scope"/>.</summary>
    bool InScope(string key);

    /// <summary>Adds a label (tag) to the item on the fake, as a user would on the tracker.</summary>
    void Label(string key, string label);

    /// <summary>Deletes the item on the fake.</summary>
    void Delete(string key);

    /// <summary>The tracker's delivery of that change (or the deletion) to the worker, signed with <paramref name="secret"/>.</summary>
    HttpRequestMessage Delivery(string key, string deliveryId, string secret, bool deleted = false);

    /// <summary>Requests the fake answered so far that belong to <paramref name="scope"/>'s sync.</summary>
    int RequestsFor(string scope);
}
