namespace OkrLinker.Connectors.Files;

/// <summary>The spellings of <see cref="FilesFormat"/> in config.</summary>
internal static class FilesFormats
{
    public const string Known = "jira, azure-devops, github or csv";

    public static FilesFormat? Parse(string? format) => format?.Trim().ToUpperInvariant() switch
    {
        "JIRA" => FilesFormat.Jira,
        "AZURE-DEVOPS" or "AZUREDEVOPS" or "ADO" => FilesFormat.AzureDevOps,
        "GITHUB" => FilesFormat.GitHub,
        "CSV" => FilesFormat.Csv,
        _ => null,
    };
}
