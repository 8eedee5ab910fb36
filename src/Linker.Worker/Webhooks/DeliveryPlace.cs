namespace OkrLinker.Worker.Webhooks;

/// <summary>Where a delivery's change happened, for choosing the scopes to sync.</summary>
/// <param name="Scope">A scope id as the source names it (<c>owner/name</c>, a Jira project key, an ADO project); null when the payload does not tell.</param>
/// <param name="ProjectFields">GitHub Projects (v2): the change is in a project's fields, synced by the source's field-stream scopes.</param>
internal sealed record DeliveryPlace(string? Scope, bool ProjectFields = false)
{
    public static readonly DeliveryPlace Unknown = new(Scope: null);

    /// <summary>
    /// The scopes of <paramref name="scheduled"/> (a source's scope ids) to sync. A named scope matches its id (case
    /// aside); a Jira source without <c>Projects</c> has one scope (<c>jql</c>) that may hold any project, so it is
    /// the one. Unknown: every scope of the source, since any of them may hold the item. A named scope the source does
    /// not have: none (the change is outside what it syncs).
    /// </summary>
    public IReadOnlyList<string> Pick(IReadOnlyList<string> scheduled, string? catchAll)
    {
        if (ProjectFields)
        {
            return [.. scheduled.Where(s => s.StartsWith("project:", StringComparison.Ordinal))];
        }

        if (Scope is null)
        {
            return scheduled;
        }

        var named = scheduled.Where(s => string.Equals(s, Scope, StringComparison.OrdinalIgnoreCase)).ToList();
        return named.Count > 0 ? named
            : catchAll is not null && scheduled.Contains(catchAll, StringComparer.Ordinal) ? [catchAll]
            : [];
    }
}
