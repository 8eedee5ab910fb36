namespace OkrLinker.Core.WriteBack;

/// <summary>The item to tag, as the store holds it.</summary>
/// <param name="ExternalId">The tracker's id (Azure DevOps: the work item id; Jira: the issue id).</param>
/// <param name="Key">What users see: <c>PAY-12</c>, <c>4711</c>, <c>acme/web#12</c>.</param>
public sealed record TagTarget(string Source, string ExternalId, string Key);
