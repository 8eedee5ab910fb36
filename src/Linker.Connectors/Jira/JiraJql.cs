using System.Globalization;
using System.Text.RegularExpressions;

namespace OkrLinker.Connectors.Jira;

/// <summary>
/// The JQL the source sends (DESIGN.md §6 trap 2): the scope's JQL, narrowed by <c>updated</c> and, when a run
/// resumes, by <c>created</c>, both in UTC epoch milliseconds (a zone-less date would be read in the account's
/// profile zone, to the minute), ordered by what never changes: <c>created ASC, key ASC</c>.
/// </summary>
internal static partial class JiraJql
{
    public const string Order = "ORDER BY created ASC, key ASC";

    /// <summary>The JQL of a scope: a project (narrowed by <paramref name="jql"/> when set), or the configured JQL.</summary>
    public static string ForScope(string? project, string? jql)
    {
        var filter = string.IsNullOrWhiteSpace(jql) ? null : WithoutOrder(jql);
        if (project is null)
        {
            return filter ?? throw new ArgumentException("A JQL scope needs a JQL.", nameof(jql));
        }

        var byProject = $"project = \"{project.Replace("\"", "\\\"", StringComparison.Ordinal)}\"";
        return filter is null ? byProject : $"({filter}) AND {byProject}";
    }

    /// <summary>The search JQL: <c>(scope) [AND updated &gt;= ms] [AND created &gt;= ms] ORDER BY created ASC, key ASC</c>.</summary>
    public static string Search(string scopeJql, long? updatedFrom, long? createdFrom)
    {
        var jql = $"({scopeJql})";
        if (updatedFrom is { } updated)
        {
            jql += " AND updated >= " + updated.ToString(CultureInfo.InvariantCulture);
        }

        if (createdFrom is { } created)
        {
            jql += " AND created >= " + created.ToString(CultureInfo.InvariantCulture);
        }

        return jql + " " + Order;
    }

    // The source decides the order; a configured ORDER BY would break resuming.
    private static string WithoutOrder(string jql) => TrailingOrderBy().Replace(jql.Trim(), "").Trim();

    [GeneratedRegex(@"\s*\border\s+by\b.*$", RegexOptions.IgnoreCase | RegexOptions.Singleline | RegexOptions.CultureInvariant)]
    private static partial Regex TrailingOrderBy();
}
