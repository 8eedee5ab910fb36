namespace OkrLinker.Core.Configuration;

/// <summary>Tracker field names (Jira: display names, discovered to ids; Azure DevOps: reference names).</summary>
public sealed class FieldOptions
{
    /// <summary>The field whose value is a KR id. Default "Key Result".</summary>
    public string KeyResult { get; set; } = "Key Result";

    /// <summary>The story-point field. Jira default "Story point estimate" (then "Story Points").</summary>
    public string? StoryPoints { get; set; }
}
