namespace OkrLinker.Core.Store;

/// <summary>KR field values a field-stream scope reported for an item; kept apart so item upserts never erase them.</summary>
public sealed class FieldValueRow
{
    public string Source { get; set; } = "";

    public string ScopeId { get; set; } = "";

    public string ExternalId { get; set; } = "";

    public string KrValues { get; set; } = "[]";
}
