using System.Text.Json;
using OkrLinker.Connectors.Http;
using OkrLinker.Core.WriteBack;

namespace OkrLinker.Connectors.GitHub;

/// <summary>
/// Adds the KR label to an issue or pull request (<c>POST /repos/{o}/{r}/issues/{n}/labels</c>), creating the label in
/// the repo first when it is missing (<c>POST /repos/{o}/{r}/labels</c>) so it gets its colour and description. Needs
/// a token with Issues: write (and Metadata: read) on the repo.
/// </summary>
internal sealed class GitHubTagWriter(SourceClient http) : ITagWriter
{
    private const string LabelColor = "0e8a16";

    public void Dispose() => http.Dispose();

    public Task<TagWriteResult> AddTagAsync(TagTarget target, string tag, CancellationToken cancellationToken) =>
        TagWriteExchange.RunAsync(http, exchange => WriteAsync(exchange, target, tag, cancellationToken), cancellationToken);

    private static async Task<TagWriteResult> WriteAsync(TagWriteExchange exchange, TagTarget target, string tag, CancellationToken cancellationToken)
    {
        var hash = target.Key.LastIndexOf('#');
        if (hash <= 0 || target.Key.IndexOf('/', StringComparison.Ordinal) is <= 0)
        {
            return exchange.Failed($"'{target.Key}' is not a GitHub key (owner/repo#number).");
        }

        var repo = target.Key[..hash];
        var number = target.Key[(hash + 1)..];
        var (found, foundBody) = await exchange.SendAsync(HttpMethod.Get, $"repos/{repo}/labels/{Uri.EscapeDataString(tag)}", null, cancellationToken);
        if (found == 404)
        {
            var kr = tag.Contains(':', StringComparison.Ordinal) ? tag[(tag.IndexOf(':', StringComparison.Ordinal) + 1)..] : tag;
            var label = JsonSerializer.Serialize(new { name = tag, color = LabelColor, description = $"Serves key result {kr}" });
            var (created, createdBody) = await exchange.SendAsync(HttpMethod.Post, $"repos/{repo}/labels", label, cancellationToken);
            // 422 "already_exists": another writer made it in between; the label is there either way.
            if (created != 201 && !(created == 422 && createdBody.Contains("already_exists", StringComparison.Ordinal)))
            {
                return exchange.Refused(created, $"the label {tag} in {repo}", createdBody);
            }
        }
        else if (found != 200)
        {
            return exchange.Refused(found, $"the label {tag} in {repo}", foundBody);
        }

        var body = JsonSerializer.Serialize(new { labels = new[] { tag } });
        var path = $"repos/{repo}/issues/{number}/labels";
        var (status, answer) = await exchange.SendAsync(HttpMethod.Post, path, body, cancellationToken);
        if (TagWriteExchange.IsStale(status))
        {
            // The issue changed under us: read it again, then try once more.
            await exchange.SendAsync(HttpMethod.Get, $"repos/{repo}/issues/{number}", null, cancellationToken);
            (status, answer) = await exchange.SendAsync(HttpMethod.Post, path, body, cancellationToken);
        }

        return status == 200
            ? exchange.Done($"GitHub answered 200: {target.Key} carries the label {tag}.")
            : exchange.Refused(status, $"the labels of {target.Key}", answer);
    }
}
