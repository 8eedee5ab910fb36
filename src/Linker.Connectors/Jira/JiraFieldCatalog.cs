using System.Text.Json;
using OkrLinker.Connectors.Parsing;

namespace OkrLinker.Connectors.Jira;

/// <summary>
/// Field display name → field ids of one Jira site. Custom field ids (<c>customfield_10016</c>) differ
/// per site, so the "Key Result" and story-point fields are found by name (DESIGN.md §6, trap 4).
/// A name can map to several ids: Jira allows two custom fields with the same name.
/// </summary>
public sealed class JiraFieldCatalog
{
    private readonly Dictionary<string, List<string>> idsByName;

    private JiraFieldCatalog(Dictionary<string, List<string>> idsByName) => this.idsByName = idsByName;

    public static JiraFieldCatalog Empty { get; } = new(new Dictionary<string, List<string>>(StringComparer.OrdinalIgnoreCase));

    /// <summary>
    /// Reads a <c>GET /rest/api/3/field</c> response (an array of <c>{ id, name, ... }</c>) or a
    /// <c>/rest/api/3/field/search</c> page (the same objects under <c>values</c>).
    /// </summary>
    public static JiraFieldCatalog Parse(JsonElement fieldResponse)
    {
        var fields = fieldResponse.ValueKind == JsonValueKind.Array
            ? fieldResponse.EnumerateArray()
            : JsonRead.Items(fieldResponse, "values");
        var catalog = new JiraFieldCatalog(new Dictionary<string, List<string>>(StringComparer.OrdinalIgnoreCase));
        foreach (var field in fields)
        {
            catalog.Add(JsonRead.Str(field, "name"), JsonRead.Str(field, "id"));
        }

        return catalog;
    }

    /// <summary>This catalog plus a page's <c>names</c> map (<c>expand=names</c>: field id → display name).</summary>
    public JiraFieldCatalog WithNames(JsonElement names)
    {
        if (names.ValueKind != JsonValueKind.Object)
        {
            return this;
        }

        var merged = new JiraFieldCatalog(idsByName.ToDictionary(
            pair => pair.Key, pair => new List<string>(pair.Value), StringComparer.OrdinalIgnoreCase));
        foreach (var property in names.EnumerateObject())
        {
            merged.Add(JsonRead.Text(property.Value), property.Name);
        }

        return merged;
    }

    /// <summary>The ids of the fields called <paramref name="name"/>; empty when the site has none.</summary>
    public IReadOnlyList<string> IdsOf(string name) =>
        idsByName.TryGetValue(name.Trim(), out var ids) ? ids : [];

    private void Add(string? name, string? id)
    {
        if (string.IsNullOrWhiteSpace(name) || string.IsNullOrWhiteSpace(id))
        {
            return;
        }

        if (!idsByName.TryGetValue(name.Trim(), out var ids))
        {
            idsByName[name.Trim()] = ids = [];
        }

        if (!ids.Contains(id, StringComparer.Ordinal))
        {
            ids.Add(id);
        }
    }
}
