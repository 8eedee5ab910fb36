using System.Globalization;
using OkrLinker.Connectors.Http;
using OkrLinker.Core.Configuration;
using OkrLinker.Core.Sources;

namespace OkrLinker.Connectors.Jira;

/// <summary>
/// What <c>check</c> shows a Jira admin: the site and its flavour, who the token signs in as (<c>/myself</c>,
/// the one call that answers 401 to a wrong Cloud token), which field ids the configured names found, and
/// whether each scope's JQL is valid, with Jira's own message when it is not.
/// </summary>
internal sealed class JiraSourceCheck(JiraSource source, SourceOptions options, SourceClient http, JiraSearch search)
{
    public async Task<IReadOnlyList<CheckLine>> RunAsync(CancellationToken cancellationToken)
    {
        var check = new SourceCheckList(source.Name);
        var reachable = await check.AddAsync("site", async ct =>
        {
            var flavor = await source.FlavorAsync(ct);
            using var doc = await http.GetJsonAsync(JiraSearch.ApiRoot(flavor) + "serverInfo", "serverInfo", ct);
            var root = doc.RootElement;
            var version = root.TryGetProperty("version", out var v) ? v.GetString() : "?";
            var title = root.TryGetProperty("serverTitle", out var t) ? $" \"{t.GetString()}\"" : "";
            return $"reachable{title}, Jira {(flavor == JiraFlavor.Cloud ? "Cloud" : "Data Center")} {version}";
        }, cancellationToken);
        if (!reachable)
        {
            return check.Lines;
        }

        var signedIn = await check.AddAsync("login", async ct =>
        {
            var flavor = await source.FlavorAsync(ct);
            using var doc = await http.GetJsonAsync(JiraSearch.ApiRoot(flavor) + "myself", "myself", ct);
            var me = doc.RootElement;
            var name = me.TryGetProperty("displayName", out var d) ? d.GetString() : "?";
            var mail = me.TryGetProperty("emailAddress", out var e) && !string.IsNullOrEmpty(e.GetString()) ? $" <{e.GetString()}>" : "";
            var zone = me.TryGetProperty("timeZone", out var z) ? $", profile time zone {z.GetString()}" : "";
            return $"authenticated as {name}{mail}{zone}";
        }, cancellationToken);
        if (!signedIn)
        {
            return check.Lines;
        }

        JiraFields? found = null;
        await check.AddAsync("fields", async ct =>
        {
            found = await source.FieldsAsync(ct);
            return $"names looked up in /{JiraSearch.ApiRoot(await source.FlavorAsync(ct))}field";
        }, cancellationToken);
        if (found is null)
        {
            return check.Lines;
        }

        var krName = JiraFields.KeyResultName(options);
        check.Add($"field \"{krName}\"", found.KeyResultIds.Count > 0, found.KeyResultIds.Count > 0
            ? string.Join(", ", found.KeyResultIds)
            : $"no field of that name on this site: KR values will not be read (set Fields.KeyResult to the field's name)");
        check.Add("story points", true, found.StoryPointIds.Count > 0
            ? string.Join(", ", JiraFields.StoryPointNames(options).Where(n => found.Catalog.IdsOf(n).Count > 0).Select(n => $"\"{n}\" = {string.Join(", ", found.Catalog.IdsOf(n))}"))
            : $"none of {string.Join(", ", JiraFields.StoryPointNames(options).Select(n => $"\"{n}\""))} on this site: points stay empty (set Fields.StoryPoints)");
        if (await source.FlavorAsync(cancellationToken) == JiraFlavor.DataCenter)
        {
            check.Add($"field \"{JiraFields.EpicLink}\"", true, found.EpicLinkIds.Count > 0
                ? string.Join(", ", found.EpicLinkIds)
                : "none: a story's epic is read from fields.parent only");
        }

        foreach (var scope in await source.GetScopesAsync(cancellationToken))
        {
            await check.AddAsync(scope.Id, async ct => await ScopeAsync(scope, ct), cancellationToken);
        }

        return check.Lines;
    }

    private async Task<string> ScopeAsync(SourceScope scope, CancellationToken cancellationToken)
    {
        var flavor = await source.FlavorAsync(cancellationToken);
        var jql = source.ScopeJql(scope);
        var parser = new JiraIssueParser(options, TeamResolver.Empty, JiraFieldCatalog.Empty);
        var page = await search.PageAsync(flavor, parser, JiraJql.Search(jql, null, null), ["updated"], null, 0, 1, JiraSource.Describe(scope), cancellationToken);
        var count = page.Total is { } total
            ? total.ToString("N0", CultureInfo.InvariantCulture) + " issues"
            : page.Items.Count == 0 ? "no issues" : "issues found";
        return $"JQL valid ({jql}), {count}";
    }
}
