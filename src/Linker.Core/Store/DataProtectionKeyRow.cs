namespace OkrLinker.Core.Store;

/// <summary>
/// One key of the worker's ASP.NET data-protection key ring (it signs the dashboard's antiforgery tokens), as the XML
/// element the key manager wrote. Kept in the store rather than in each process's memory so that every node of a
/// cluster, and a worker after a restart, accepts a form another one served.
/// </summary>
public sealed class DataProtectionKeyRow
{
    public int Id { get; set; }

    /// <summary>The name the key manager gave the element (<c>key-&lt;guid&gt;</c>); unique.</summary>
    public string FriendlyName { get; set; } = "";

    public string Xml { get; set; } = "";
}
