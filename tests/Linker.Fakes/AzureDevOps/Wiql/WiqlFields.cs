namespace OkrLinker.Fakes.AzureDevOps.Wiql;

/// <summary>The fields a WIQL query may name, by reference name or display name, and their values on an item.</summary>
internal static class WiqlFields
{
    private static readonly Dictionary<string, string> Aliases = new(StringComparer.OrdinalIgnoreCase)
    {
        ["Id"] = "System.Id",
        ["ID"] = "System.Id",
        ["Rev"] = "System.Rev",
        ["Team Project"] = "System.TeamProject",
        ["Changed Date"] = "System.ChangedDate",
        ["Created Date"] = "System.CreatedDate",
        ["Work Item Type"] = "System.WorkItemType",
        ["State"] = "System.State",
        ["Area Path"] = "System.AreaPath",
        ["Iteration Path"] = "System.IterationPath",
        ["Title"] = "System.Title",
        ["Tags"] = "System.Tags",
        ["Parent"] = "System.Parent",
    };

    private static readonly HashSet<string> Known = new(StringComparer.OrdinalIgnoreCase)
    {
        "System.Id", "System.Rev", "System.TeamProject", "System.ChangedDate", "System.CreatedDate", "System.WorkItemType",
        "System.State", "System.AreaPath", "System.IterationPath", "System.Title", "System.Tags", "System.Parent",
        "Microsoft.VSTS.Scheduling.StoryPoints", "Microsoft.VSTS.Scheduling.Effort", "Microsoft.VSTS.Scheduling.Size",
        "Microsoft.VSTS.Common.ClosedDate", "Microsoft.VSTS.Common.ResolvedDate", "Microsoft.VSTS.Common.StateChangeDate", "Custom.KeyResult",
        "System.Description",
    };

    /// <summary>The reference name for a name in brackets; an unknown field is Azure DevOps' TF51005.</summary>
    public static string Resolve(string name)
    {
        var reference = Aliases.GetValueOrDefault(name, name);
        return Known.Contains(reference)
            ? reference
            : throw new WiqlException($"TF51005: The query references a field that does not exist. The error is caused by «[{name}]».");
    }

    /// <summary>True for a field's reference name (what workitemsbatch takes), false for display names and unknown fields.</summary>
    public static bool IsReferenceName(string name) => Known.Contains(name);

    public static bool IsDate(string reference) => reference.EndsWith("Date", StringComparison.OrdinalIgnoreCase);

    public static bool IsPath(string reference) =>
        reference.Equals("System.AreaPath", StringComparison.OrdinalIgnoreCase) || reference.Equals("System.IterationPath", StringComparison.OrdinalIgnoreCase);

    public static object? Value(FakeAdoItem item, string reference) => reference switch
    {
        "System.Id" => (double)item.Id,
        "System.Rev" => (double)item.Rev,
        "System.TeamProject" => item.Project,
        "System.ChangedDate" => item.Changed,
        "System.CreatedDate" => item.Created,
        "System.WorkItemType" => item.Type,
        "System.State" => item.State,
        "System.AreaPath" => item.AreaPath,
        "System.IterationPath" => item.IterationPath,
        "System.Title" => item.Title,
        "System.Tags" => string.Join("; ", item.Tags),
        "System.Parent" => item.Parent is { } p ? (double)p : null,
        "Microsoft.VSTS.Scheduling.StoryPoints" => item.StoryPoints,
        "Microsoft.VSTS.Scheduling.Effort" => item.Effort,
        "Microsoft.VSTS.Scheduling.Size" => item.Size,
        "Microsoft.VSTS.Common.ClosedDate" => item.Closed,
        "Custom.KeyResult" => item.KeyResult,
        "System.Description" => item.Description,
        _ => null,
    };
}
