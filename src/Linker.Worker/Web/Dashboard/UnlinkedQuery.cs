using Microsoft.AspNetCore.Http;
using OkrLinker.Core.Reports;

namespace OkrLinker.Worker.Web.Dashboard;

/// <summary>
/// The unlinked page's query: filters <c>team</c>, <c>source</c>, <c>type</c>, <c>state</c> (exact, case-insensitive),
/// <c>sort</c> (key, title, team, source, type, state, points; else the report's order: most points first), <c>dir</c>
/// (asc, desc) and <c>page</c> (from 1, <see cref="PageSize"/> rows each).
/// </summary>
internal sealed record UnlinkedQuery(string? Team, string? Source, string? Type, string? State, string? Sort, bool Descending, int Page)
{
    public const int PageSize = 50;

    public static readonly string[] SortKeys = ["key", "title", "team", "source", "type", "state", "points"];

    public static UnlinkedQuery From(IQueryCollection query)
    {
        static string? Value(IQueryCollection q, string name) => q[name].ToString() is { Length: > 0 } v ? v : null;
        var sort = Value(query, "sort") is { } s && SortKeys.Contains(s, StringComparer.OrdinalIgnoreCase) ? s.ToLowerInvariant() : null;
        var page = int.TryParse(query["page"], out var p) && p > 0 ? p : 1;
        return new UnlinkedQuery(
            Value(query, "team"), Value(query, "source"), Value(query, "type"), Value(query, "state"),
            sort, string.Equals(query["dir"], "desc", StringComparison.OrdinalIgnoreCase), page);
    }

    /// <summary>Every row that passes the filters, in the asked order (ties by source and key): the page's rows and the CSV's.</summary>
    public IReadOnlyList<UnlinkedItem> Apply(IReadOnlyList<UnlinkedItem> items)
    {
        if (items is UnlinkedRows columns)
        {
            return columns.Select(this);
        }

        var rows = items.Where(i =>
            Matches(Team, i.Team) && Matches(Source, i.Source) && Matches(Type, i.Type) && Matches(State, i.State));
        if (Sort is null)
        {
            return [.. rows];
        }

        var ordered = Sort == "points"
            ? (Descending ? rows.OrderByDescending(i => i.Points ?? double.MinValue) : rows.OrderBy(i => i.Points ?? double.MinValue))
            : (Descending ? rows.OrderByDescending(i => Text(i), StringComparer.OrdinalIgnoreCase) : rows.OrderBy(i => Text(i), StringComparer.OrdinalIgnoreCase));
        return [.. ordered.ThenBy(i => i.Source, StringComparer.Ordinal).ThenBy(i => i.Key, StringComparer.Ordinal)];
    }

    public (string Name, string? Value)[] Filters(params (string Name, string? Value)[] more) =>
        [("team", Team), ("source", Source), ("type", Type), ("state", State), .. more];

    public (string Name, string? Value)[] WithSort(params (string Name, string? Value)[] more) =>
        Filters([("sort", Sort), ("dir", Sort is null ? null : Descending ? "desc" : "asc"), .. more]);

    private string Text(UnlinkedItem i) => Sort switch
    {
        "key" => i.Key,
        "title" => i.Title,
        "team" => i.Team,
        "source" => i.Source,
        "type" => i.Type,
        _ => i.State,
    };

    private static bool Matches(string? wanted, string value) =>
        wanted is null || string.Equals(wanted, value, StringComparison.OrdinalIgnoreCase);
}
