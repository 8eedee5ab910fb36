namespace OkrLinker.Fakes.Jira;

/// <summary>One issue as the fake holds it; values, so the data set hands out copies.</summary>
/// <param name="ParentId">A sub-task's story, or a story's epic (Cloud <c>fields.parent</c>; Data Center: "Epic Link" for a story).</param>
/// <param name="Category">Jira's status category key: <c>new</c>, <c>indeterminate</c> or <c>done</c>.</param>
public sealed record FakeJiraIssue(
    long Id,
    string Key,
    string Project,
    string Type,
    string Summary,
    string Status,
    string Category,
    IReadOnlyList<string> Labels,
    IReadOnlyList<string> Components,
    long? ParentId,
    double? Points,
    string? KeyResult,
    DateTimeOffset Created,
    DateTimeOffset Updated,
    DateTimeOffset? Resolved)
{
    /// <summary>
    /// The description as plain text, or none. Cloud answers it in Atlassian Document Format (a paragraph per line),
    /// Data Center as the string itself (wiki markup); with none the field is left out, as the generated data has none.
    /// </summary>
    public string? Description { get; init; }

    public const string Epic = "Epic";
    public const string Story = "Story";
    public const string SubTask = "Sub-task";

    public int Number => int.Parse(Key[(Key.LastIndexOf('-') + 1)..], System.Globalization.CultureInfo.InvariantCulture);
}
