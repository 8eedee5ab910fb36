using System.Globalization;

namespace OkrLinker.Connectors.AzureDevOps;

/// <summary>
/// The WIQL of one slice of a project (DESIGN.md §6 trap 5): the project, the configured area paths and
/// condition, <c>[System.ChangedDate]</c> bounds to the second (sent with <c>timePrecision=true</c>), the
/// already-committed copies left out by (rev, id), ordered by ChangedDate and then Id.
/// </summary>
internal static class AzureDevOpsWiql
{
    public static string Slice(
        string project, IReadOnlyList<string> areaPaths, string? condition, DateTimeOffset? from, DateTimeOffset? to, IReadOnlyList<AzureDevOpsSeen> exclude)
    {
        var where = new List<string> { $"[System.TeamProject] = {Quote(project)}" };
        if (areaPaths.Count > 0)
        {
            where.Add("(" + string.Join(" OR ", areaPaths.Select(a => $"[System.AreaPath] UNDER {Quote(a)}")) + ")");
        }

        if (!string.IsNullOrWhiteSpace(condition))
        {
            where.Add($"({condition.Trim()})");
        }

        if (from is { } f)
        {
            where.Add($"[System.ChangedDate] >= '{Date(f)}'");
        }

        if (to is { } t)
        {
            where.Add($"[System.ChangedDate] < '{Date(t)}'");
        }

        foreach (var rev in exclude.GroupBy(s => s.Rev).OrderBy(g => g.Key))
        {
            var ids = string.Join(",", rev.Select(s => s.Id).Distinct().Order().Select(id => id.ToString(CultureInfo.InvariantCulture)));
            where.Add($"NOT ([System.Rev] = {rev.Key.ToString(CultureInfo.InvariantCulture)} AND [System.Id] IN ({ids}))");
        }

        return $"SELECT [System.Id] FROM WorkItems WHERE {string.Join(" AND ", where)} ORDER BY [System.ChangedDate], [System.Id]";
    }

    /// <summary>A WIQL string literal: single quotes, doubled inside.</summary>
    public static string Quote(string value) => "'" + value.Replace("'", "''", StringComparison.Ordinal) + "'";

    /// <summary>Whole seconds, UTC: the precision WIQL is sure to honour with <c>timePrecision=true</c>.</summary>
    public static DateTimeOffset ToSecond(DateTimeOffset at) => new(at.UtcTicks - (at.UtcTicks % TimeSpan.TicksPerSecond), TimeSpan.Zero);

    private static string Date(DateTimeOffset at) => ToSecond(at).UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
