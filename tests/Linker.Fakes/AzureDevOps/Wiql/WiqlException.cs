namespace OkrLinker.Fakes.AzureDevOps.Wiql;

/// <summary>A query the fake refuses, with Azure DevOps' own error code in the message (400).</summary>
internal sealed class WiqlException(string message) : Exception(message);
