namespace OkrLinker.Worker.Web.Dashboard;

/// <summary>
/// One stored link (what the last report build linked) with the item it links: the tree and the KR page are drawn
/// from these. <paramref name="Reason"/> and <paramref name="Via"/> are the linker's own (<c>ItemLink</c>).
/// </summary>
internal sealed record LinkedWork(
    string KrId,
    string Reason,
    string? Via,
    string Source,
    string ExternalId,
    string Key,
    string Title,
    string? Url,
    string Type,
    string State,
    string Category,
    string Team,
    string? ParentId,
    string? ParentKey,
    double? Points);
