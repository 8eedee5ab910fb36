using System.Text.Json;
using OkrLinker.Connectors.Http;
using OkrLinker.Core.WriteBack;

namespace OkrLinker.Connectors.Jira;

/// <summary>
/// Adds the KR label to an issue: <c>PUT /rest/api/3/issue/{key}</c> (Data Center: <c>/rest/api/2</c>) with
/// <c>{"update":{"labels":[{"add":tag}]}}</c>, which keeps the other labels. Needs the Edit Issues permission.
/// </summary>
internal sealed class JiraTagWriter(SourceClient http, JiraFlavor? flavor) : ITagWriter
{
    public void Dispose() => http.Dispose();

    public Task<TagWriteResult> AddTagAsync(TagTarget target, string tag, CancellationToken cancellationToken) =>
        TagWriteExchange.RunAsync(http, exchange => WriteAsync(exchange, target, tag, cancellationToken), cancellationToken);

    private async Task<TagWriteResult> WriteAsync(TagWriteExchange exchange, TagTarget target, string tag, CancellationToken cancellationToken)
    {
        var site = flavor ?? await JiraSource.ReadFlavorAsync(http, cancellationToken);
        var api = site == JiraFlavor.Cloud ? "rest/api/3" : "rest/api/2";
        var path = $"{api}/issue/{Uri.EscapeDataString(target.Key)}";
        var body = JsonSerializer.Serialize(new { update = new { labels = new[] { new { add = tag } } } });
        var (status, answer) = await exchange.SendAsync(HttpMethod.Put, path, body, cancellationToken);
        if (TagWriteExchange.IsStale(status))
        {
            await exchange.SendAsync(HttpMethod.Get, $"{path}?fields=labels", null, cancellationToken);
            (status, answer) = await exchange.SendAsync(HttpMethod.Put, path, body, cancellationToken);
        }

        return status is 204 or 200
            ? exchange.Done($"Jira answered {status}: {target.Key} carries the label {tag}.")
            : exchange.Refused(status, $"the labels of {target.Key}", answer);
    }
}
