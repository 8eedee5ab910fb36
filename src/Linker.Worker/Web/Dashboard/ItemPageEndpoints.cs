using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using OkrLinker.Core.Linking;
using OkrLinker.Core.Okrs;
using OkrLinker.Worker.WriteBack;

namespace OkrLinker.Worker.Web.Dashboard;

/// <summary>
/// The item page and its approval (issue 16): <c>GET /item/{source}/{**key}</c> shows it and writes nothing;
/// <c>POST</c> to the same address tags the item in its tracker. A post must come from this site (<see cref="CrossSiteCheck"/>)
/// and carry the form's antiforgery token, unless it presents the API key in a header (which another site cannot make a
/// browser send). Both sit behind the dashboard's key or login like every page.
/// </summary>
internal static class ItemPageEndpoints
{
    public static void Map(RouteGroupBuilder pages)
    {
        pages.MapGet("/item/{source}/{**key}", ItemAsync);
        pages.MapPost("/item/{source}/{**key}", ApproveAsync);
    }

    private static async Task<IResult> ItemAsync(
        string source, string key, HttpContext context, DashboardStore store, DashboardAccess access, ItemExplainer explainer,
        WriteBackService writeBack, IAntiforgery antiforgery, CancellationToken cancellationToken)
    {
        var (view, problem) = await DashboardEndpoints.LoadAsync(context, store, access, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        key = Uri.UnescapeDataString(key);
        IReadOnlyList<LinkedItem> found;
        try
        {
            found = await explainer.FindAsync(key, source, cancellationToken);
        }
        catch (Exception ex) when (ex is OkrLoadException or LinkingConfigException)
        {
            return new HtmlPageResult(DashboardLayout.Message("Configuration error", ex.Message), StatusCodes.Status503ServiceUnavailable);
        }

        if (found is not [var linked, ..])
        {
            return DashboardEndpoints.NotFound("No such item", $"Source '{source}' has no synced item with the key '{key}'.");
        }

        var item = linked.Item;
        var unlinked = view!.Report.UnlinkedItems;
        var inReport = unlinked is UnlinkedRows columns
            ? columns.Find(item.Source, item.Key)
            : unlinked.FirstOrDefault(u =>
                string.Equals(u.Source, item.Source, StringComparison.OrdinalIgnoreCase) && string.Equals(u.Key, item.Key, StringComparison.OrdinalIgnoreCase));
        var history = await writeBack.HistoryAsync(item.Source, item.ExternalId, cancellationToken);
        var tokens = antiforgery.GetAndStoreTokens(context);
        var parts = new ItemPage.Parts(linked, inReport, history, writeBack.StateOf(item.Source), tokens.FormFieldName, tokens.RequestToken ?? "");
        return new HtmlPageResult(ItemPage.Render(view, parts));
    }

    private static async Task<IResult> ApproveAsync(
        string source, string key, HttpContext context, DashboardAccess access, WriteBackService writeBack, IAntiforgery antiforgery,
        CancellationToken cancellationToken)
    {
        var request = context.Request;
        if (CrossSiteCheck.Refusal(request) is { } crossSite)
        {
            return new HtmlPageResult(DashboardLayout.Message("Refused", $"Approval refused: {crossSite}. Nothing was written."), StatusCodes.Status403Forbidden);
        }

        if (!access.PresentsKey(request) && !await antiforgery.IsRequestValidAsync(context))
        {
            return new HtmlPageResult(
                DashboardLayout.Message("Refused", "Approval refused: the form's antiforgery token is missing or stale. Reload the item's page and approve again. Nothing was written."),
                StatusCodes.Status400BadRequest);
        }

        key = Uri.UnescapeDataString(key);
        var form = request.HasFormContentType ? await request.ReadFormAsync(cancellationToken) : FormCollection.Empty;
        var kr = form["kr"].ToString().Trim();
        if (kr.Length == 0)
        {
            return new HtmlPageResult(DashboardLayout.Message("No key result", "Pick the key result the item serves. Nothing was written."), StatusCodes.Status400BadRequest);
        }

        var record = await writeBack.ApproveAsync(source, key, kr, access.Identity(request), cancellationToken);
        if (record is null)
        {
            return DashboardEndpoints.NotFound("Nothing to approve", $"Source '{source}' has no synced item '{key}', or '{kr}' is no key result of the period. Nothing was written.");
        }

        // Post/redirect/get: the page shows the write in its history, and a reload does not write again.
        var week = request.Query["week"].ToString();
        var target = DashboardView.ItemPath(record.Source, record.Key) + (week.Length > 0 ? "?week=" + Uri.EscapeDataString(week) : "");
        context.Response.Headers.Location = target;
        return Results.StatusCode(StatusCodes.Status303SeeOther);
    }
}
