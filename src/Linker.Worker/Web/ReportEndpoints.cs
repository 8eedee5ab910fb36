using System.Text;
using Microsoft.AspNetCore.Http;
using OkrLinker.Core.Figures;
using OkrLinker.Core.Reports;

namespace OkrLinker.Worker.Web;

/// <summary>The handlers of <c>/api/report/latest</c> and <c>/api/report/{week}</c>: the report JSON as stored, byte for byte.</summary>
internal static class ReportEndpoints
{
    public static async Task<IResult> LatestAsync(ReportArchive archive, CancellationToken cancellationToken) =>
        await archive.ReadJsonAsync(null, cancellationToken) is { } json
            ? Json(json)
            : TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "No report", detail: "No report has been built yet.");

    public static async Task<IResult> WeekAsync(string week, ReportArchive archive, CancellationToken cancellationToken)
    {
        if (!IsoWeek.TryParse(week, out var parsed))
        {
            return TypedResults.Problem(
                statusCode: StatusCodes.Status400BadRequest,
                title: "Not a week",
                detail: $"'{week}' is not an ISO week such as 2026-W47.");
        }

        // The store keys weeks in their canonical spelling (2026-W05), which is how a lenient "2026-W5" is found.
        var canonical = parsed.ToString();
        return await archive.ReadJsonAsync(canonical, cancellationToken) is { } json
            ? Json(json)
            : TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "No report", detail: $"No report was built for {canonical}.");
    }

    private static IResult Json(string json) => TypedResults.Text(json, "application/json", Encoding.UTF8);
}
