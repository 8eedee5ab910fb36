namespace OkrLinker.Connectors.Http;

/// <summary>Which vendor a source talks to; it decides how rate-limit headers and auth failures are read.</summary>
public enum SourceVendor
{
    GitHub,
    Jira,
    AzureDevOps,
}
