namespace OkrLinker.Connectors.Files;

/// <summary>What the files of a <c>files</c> source hold (<c>Sources[].Format</c>).</summary>
internal enum FilesFormat
{
    Jira,
    AzureDevOps,
    GitHub,
    Csv,
}
