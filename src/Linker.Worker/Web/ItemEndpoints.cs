using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using OkrLinker.Core.Linking;
using OkrLinker.Core.Okrs;

namespace OkrLinker.Worker.Web;

/// <summary>
/// The handler of <c>/api/items/{source}/{**key}</c>: one stored item and how the linker decides it,
/// the same answer as the <c>explain</c> verb (GitHub keys keep their slash; the <c>#</c> is sent as <c>%23</c>).
/// </summary>
internal static class ItemEndpoints
{
    private static readonly JsonSerializerOptions Options = new(WebJson.Options)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    public static async Task<IResult> LinkAsync(
        string source, string key, [FromServices] ItemExplainer explainer, CancellationToken cancellationToken)
    {
        IReadOnlyList<LinkedItem> found;
        try
        {
            found = await explainer.FindAsync(Uri.UnescapeDataString(key), source, cancellationToken);
        }
        catch (Exception ex) when (ex is OkrLoadException or LinkingConfigException)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, title: "Configuration error", detail: ex.Message);
        }

        if (found is not [var linked, ..])
        {
            return TypedResults.Problem(
                statusCode: StatusCodes.Status404NotFound,
                title: "No such item",
                detail: $"Source '{source}' has no synced item with the key '{key}'.");
        }

        var item = linked.Item;
        return TypedResults.Json(
            new ItemLinkAnswer(item.Source, item.Key, item.Title, item.Url, item.Team, item.Type, item.State, item.Category, item.GoneAt, linked.Explanation),
            Options);
    }

    private sealed record ItemLinkAnswer(
        string Source,
        string Key,
        string Title,
        string? Url,
        string Team,
        string Type,
        string State,
        Core.Items.StateCategory Category,
        DateTimeOffset? GoneAt,
        LinkExplanation? Link);
}
