namespace OkrLinker.Core.Sources;

/// <summary>
/// The team of an item: the <c>Teams</c> entry for "&lt;source&gt;:&lt;project key | area path |
/// owner/repo&gt;", else that value itself (DESIGN.md §6). Area paths also match their nearest
/// configured ancestor, so <c>ado:Shop\Checkout</c> covers <c>Shop\Checkout\Web</c>.
/// </summary>
public sealed class TeamResolver(IReadOnlyDictionary<string, string> teams)
{
    public static TeamResolver Empty { get; } = new(new Dictionary<string, string>());

    public string Resolve(string source, string scopeValue)
    {
        for (var candidate = scopeValue; candidate.Length > 0; candidate = Parent(candidate))
        {
            if (TryGet($"{source}:{candidate}", out var team))
            {
                return team;
            }
        }

        return scopeValue;
    }

    private bool TryGet(string key, out string team)
    {
        foreach (var (name, value) in teams)
        {
            if (string.Equals(name, key, StringComparison.OrdinalIgnoreCase))
            {
                team = value;
                return true;
            }
        }

        team = "";
        return false;
    }

    private static string Parent(string areaPath)
    {
        var cut = areaPath.LastIndexOf('\\');
        return cut > 0 ? areaPath[..cut] : "";
    }
}
