using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using OkrLinker.Core.Figures;
using OkrLinker.Core.Reports;

namespace OkrLinker.Worker.Web.Dashboard;

/// <summary>
/// The dashboard's pages (DESIGN.md §12): <c>/</c>, <c>/tree</c>, <c>/kr/{id}</c>, <c>/teams/{team}</c>, <c>/unlinked</c>
/// and <c>/unlinked.csv</c>, each for <c>?week=</c> or the newest report, behind the API key or the login cookie;
/// <c>/login</c> and <c>/logout</c> open to all. Every figure is read from the stored report of the week.
/// </summary>
internal static class DashboardEndpoints
{
    public static void Map(IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/login", (HttpRequest request) => LoginPage.Render(request.Query["next"], failed: false, StatusCodes.Status200OK));
        endpoints.MapPost("/login", LoginPage.SignInAsync);
        endpoints.MapPost("/logout", LoginPage.SignOut);

        var pages = endpoints.MapGroup("").AddEndpointFilter<RouteGroupBuilder, DashboardAccessFilter>();
        pages.MapGet("/", HomeAsync);
        pages.MapGet("/tree", TreeAsync);
        pages.MapGet("/kr/{id}", KeyResultAsync);
        pages.MapGet("/teams/{team}", TeamAsync);
        pages.MapGet("/unlinked", UnlinkedAsync);
        pages.MapGet("/unlinked.csv", UnlinkedCsvAsync);
        ItemPageEndpoints.Map(pages);
    }

    private static async Task<IResult> HomeAsync(HttpContext context, DashboardStore store, DashboardAccess access, CancellationToken cancellationToken)
    {
        var (view, problem) = await LoadAsync(context, store, access, cancellationToken);
        return problem ?? new HtmlPageResult(HomePage.Render(view!));
    }

    private static async Task<IResult> TreeAsync(HttpContext context, DashboardStore store, DashboardAccess access, CancellationToken cancellationToken)
    {
        var (view, problem) = await LoadAsync(context, store, access, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        var ids = view!.Report.Objectives.SelectMany(o => o.KeyResults).Select(k => k.Id).ToList();
        return new HtmlPageResult(TreePage.Render(view, await store.LinkedAsync(ids, cancellationToken)));
    }

    private static async Task<IResult> KeyResultAsync(
        string id, HttpContext context, DashboardStore store, DashboardAccess access, CancellationToken cancellationToken)
    {
        var (view, problem) = await LoadAsync(context, store, access, cancellationToken);
        return problem ?? await KeyResultPageAsync(view!, id, store, cancellationToken);
    }

    /// <summary>The KR page of <paramref name="id"/> (case-insensitive) over <paramref name="view"/>, with its linked work from the store.</summary>
    internal static async Task<IResult> KeyResultPageAsync(DashboardView view, string id, DashboardStore store, CancellationToken cancellationToken)
    {
        var found = view.Report.Objectives
            .SelectMany(o => o.KeyResults.Select(k => (Objective: o, Kr: k)))
            .FirstOrDefault(p => string.Equals(p.Kr.Id, id, StringComparison.OrdinalIgnoreCase));
        if (found.Kr is null)
        {
            return NotFound("No such key result", $"The report of {view.Report.Week} has no key result '{id}'.");
        }

        var linked = await store.LinkedAsync([found.Kr.Id], cancellationToken);
        return new HtmlPageResult(KeyResultPage.Render(view, found.Objective, found.Kr, linked));
    }

    private static async Task<IResult> TeamAsync(
        string team, HttpContext context, DashboardStore store, DashboardAccess access, CancellationToken cancellationToken)
    {
        var (view, problem) = await LoadAsync(context, store, access, cancellationToken);
        return problem ?? await TeamPageAsync(view!, team, store, cancellationToken);
    }

    /// <summary>The page of <paramref name="team"/> (case-insensitive; <c>%2F</c> for a slash) over <paramref name="view"/>.</summary>
    internal static async Task<IResult> TeamPageAsync(DashboardView view, string team, DashboardStore store, CancellationToken cancellationToken)
    {
        team = team.Replace("%2F", "/", StringComparison.OrdinalIgnoreCase);
        var report = view.Report;
        var tagFindings = report.Findings.Where(TagFinding.IsTagFinding).ToList();
        var teamOf = await store.TeamsOfAsync([.. tagFindings.Select(f => f.Subject)], cancellationToken);
        var findings = tagFindings
            .Where(f => teamOf.TryGetValue(f.Subject, out var t) && string.Equals(t, team, StringComparison.OrdinalIgnoreCase))
            .Select(TagFinding.Read)
            .ToList();
        var figures = report.Teams.FirstOrDefault(t => string.Equals(t.Team, team, StringComparison.OrdinalIgnoreCase));
        var unlinked = new UnlinkedQuery(team, null, null, null, null, Descending: false, Page: 1).Apply(report.UnlinkedItems);
        if (figures is null && unlinked.Count == 0 && findings.Count == 0)
        {
            return NotFound("No such team", $"The report of {report.Week} has no team '{team}'.");
        }

        return new HtmlPageResult(TeamPage.Render(view, figures?.Team ?? team, figures, unlinked, findings));
    }

    private static async Task<IResult> UnlinkedAsync(HttpContext context, DashboardStore store, DashboardAccess access, CancellationToken cancellationToken)
    {
        var (view, problem) = await LoadAsync(context, store, access, cancellationToken);
        return problem ?? new HtmlPageResult(UnlinkedPage.Render(view!, UnlinkedQuery.From(context.Request.Query)));
    }

    private static async Task<IResult> UnlinkedCsvAsync(HttpContext context, DashboardStore store, DashboardAccess access, CancellationToken cancellationToken)
    {
        var (view, problem) = await LoadAsync(context, store, access, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        context.Response.Headers.ContentDisposition = $"attachment; filename=\"unlinked-{view!.Report.Week}.csv\"";
        return TypedResults.Text(UnlinkedPage.Csv(view.Report, UnlinkedQuery.From(context.Request.Query)), "text/csv", Encoding.UTF8);
    }

    // The week asked for (400 when it is no ISO week), its report (404 when none was built) and the weeks for the picker.
    internal static async Task<(DashboardView? View, IResult? Problem)> LoadAsync(
        HttpContext context, DashboardStore store, DashboardAccess access, CancellationToken cancellationToken)
    {
        string? week = null;
        if (context.Request.Query["week"].ToString() is { Length: > 0 } asked)
        {
            if (!IsoWeek.TryParse(asked, out var parsed))
            {
                return (null, new HtmlPageResult(DashboardLayout.Message("Not a week", $"'{asked}' is not an ISO week such as 2026-W47."), StatusCodes.Status400BadRequest));
            }

            week = parsed.ToString();
        }

        var report = await store.ReportAsync(week, cancellationToken);
        if (report is null)
        {
            return (null, week is null
                ? NotFound("No report yet", "No report has been built yet: the worker builds one at its first refresh (or run `okrlinker report`).")
                : NotFound("No report", $"No report was built for {week}."));
        }

        var weeks = await store.WeeksAsync(cancellationToken);
        return (new DashboardView(report, week, weeks, access.KeyRequired), null);
    }

    internal static HtmlPageResult NotFound(string title, string text) =>
        new(DashboardLayout.Message(title, text), StatusCodes.Status404NotFound);
}
