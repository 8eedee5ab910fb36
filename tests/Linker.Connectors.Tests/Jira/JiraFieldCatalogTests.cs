using System.Text.Json;
using OkrLinker.Connectors.Jira;
using OkrLinker.Connectors.Tests.Support;

namespace OkrLinker.Connectors.Tests.Jira;

public sealed class JiraFieldCatalogTests
{
    [Fact]
    public void Field_list_maps_names_to_ids_case_insensitively()
    {
        using var document = Conformance.Load("jira/v3-fields.json");

        var catalog = JiraFieldCatalog.Parse(document.RootElement);

        Assert.Equal(["summary"], catalog.IdsOf("Summary"));
        Assert.Equal(["description"], catalog.IdsOf("description"));
        Assert.Empty(catalog.IdsOf("Key Result"));
    }

    [Fact]
    public void Field_search_page_is_read_from_values()
    {
        using var document = Conformance.Load("jira/v3-field-search.json");

        var catalog = JiraFieldCatalog.Parse(document.RootElement);

        Assert.Equal(["customfield_10000"], catalog.IdsOf("Approvers"));
        Assert.Equal(["customfield_10001"], catalog.IdsOf("Change reason"));
    }

    [Fact]
    public void Two_fields_with_one_name_keep_both_ids_and_names_maps_add_to_the_list()
    {
        using var fields = JsonDocument.Parse("""
            [ { "id": "customfield_1", "name": "Story Points" }, { "id": "customfield_2", "name": "Story Points" } ]
            """);
        using var names = JsonDocument.Parse("""{ "customfield_3": "Story Points", "customfield_1": "Story Points" }""");

        var catalog = JiraFieldCatalog.Parse(fields.RootElement).WithNames(names.RootElement);

        Assert.Equal(["customfield_1", "customfield_2", "customfield_3"], catalog.IdsOf("story points"));
    }
}
