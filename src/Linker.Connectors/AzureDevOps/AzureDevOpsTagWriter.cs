using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using OkrLinker.Connectors.Http;
using OkrLinker.Core.WriteBack;

namespace OkrLinker.Connectors.AzureDevOps;

/// <summary>
/// Adds the KR tag to a work item: reads its revision and <c>System.Tags</c>, then sends a JSON Patch
/// (<c>application/json-patch+json</c>) that tests <c>/rev</c> and sets the tags string (<c>"a; b; kr:O1-KR1"</c>), so a
/// save by someone else in between is refused (412) rather than overwritten; then it reads again and tries once more.
/// Needs a PAT with Work Items: Read &amp; write. Asks with api-version 7.1, and 7.0 when a Server refuses 7.1 as too new.
/// </summary>
internal sealed class AzureDevOpsTagWriter(SourceClient http) : ITagWriter
{
    private const string TagsField = "System.Tags";

    public void Dispose() => http.Dispose();

    public Task<TagWriteResult> AddTagAsync(TagTarget target, string tag, CancellationToken cancellationToken) =>
        TagWriteExchange.RunAsync(http, exchange => WriteAsync(exchange, target, tag, cancellationToken), cancellationToken);

    private static async Task<TagWriteResult> WriteAsync(TagWriteExchange exchange, TagTarget target, string tag, CancellationToken cancellationToken)
    {
        if (!int.TryParse(target.ExternalId, NumberStyles.None, CultureInfo.InvariantCulture, out var id))
        {
            return exchange.Failed($"'{target.ExternalId}' is not an Azure DevOps work item id.");
        }

        var version = AzureDevOpsApi.Preferred;
        for (var attempt = 1; ; attempt++)
        {
            var path = $"_apis/wit/workitems/{id.ToString(CultureInfo.InvariantCulture)}?api-version={version}";
            var (read, readBody) = await exchange.SendAsync(HttpMethod.Get, $"{path}&fields={TagsField}", null, cancellationToken);
            if (read == 400 && version == AzureDevOpsApi.Preferred && AzureDevOpsApi.RefusesVersion(readBody))
            {
                // Azure DevOps Server 2022 serves 7.0 at most, as the reads found out (AzureDevOpsApi); not an attempt.
                version = AzureDevOpsApi.Fallback;
                attempt--;
                continue;
            }

            if (read != 200)
            {
                return exchange.Refused(read, $"work item {id}", readBody);
            }

            var (rev, tags) = Read(readBody);
            if (tags.Contains(tag, StringComparer.OrdinalIgnoreCase))
            {
                return exchange.Done($"Azure DevOps: work item {id} carries the tag {tag} already (rev {rev}).");
            }

            var patch = new JsonArray
            {
                new JsonObject { ["op"] = "test", ["path"] = "/rev", ["value"] = rev },
                new JsonObject { ["op"] = tags.Count == 0 ? "add" : "replace", ["path"] = $"/fields/{TagsField}", ["value"] = string.Join("; ", [.. tags, tag]) },
            };
            var (status, answer) = await exchange.SendAsync(HttpMethod.Patch, path, patch.ToJsonString(), cancellationToken, "application/json-patch+json");
            if (status == 200)
            {
                var (newRev, _) = Read(answer);
                return exchange.Done($"Azure DevOps answered 200: work item {id} carries the tag {tag} (rev {newRev}).");
            }

            if (!TagWriteExchange.IsStale(status) || attempt == 2)
            {
                return exchange.Refused(status, $"the tags of work item {id}", answer);
            }
        }
    }

    private static (int Rev, List<string> Tags) Read(string body)
    {
        using var doc = JsonDocument.Parse(body);
        var root = doc.RootElement;
        var rev = root.TryGetProperty("rev", out var r) && r.TryGetInt32(out var value) ? value : 0;
        var tags = root.TryGetProperty("fields", out var fields) && fields.TryGetProperty(TagsField, out var t) && t.ValueKind == JsonValueKind.String
            ? t.GetString()!.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).ToList()
            : [];
        return (rev, tags);
    }
}
