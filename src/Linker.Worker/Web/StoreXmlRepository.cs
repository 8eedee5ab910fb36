using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.EntityFrameworkCore;
using OkrLinker.Core.Store;

namespace OkrLinker.Worker.Web;

/// <summary>
/// Keeps the data-protection key ring in the store's <c>data_protection_keys</c> table. In memory (the default when
/// no folder is configured) each process made its own keys, so a dashboard form served by one node of a cluster, or
/// by the worker before a restart, was refused with 400 when posted to another. The key manager calls this
/// synchronously and rarely: when it loads or refreshes the ring and when it makes a key (every 90 days).
/// </summary>
internal sealed class StoreXmlRepository(IDbContextFactory<LinkerDbContext> dbFactory) : IXmlRepository
{
    public IReadOnlyCollection<XElement> GetAllElements()
    {
        using var db = dbFactory.CreateDbContext();
        return [.. db.DataProtectionKeys.AsNoTracking().OrderBy(k => k.Id).Select(k => k.Xml).AsEnumerable().Select(XElement.Parse)];
    }

    public void StoreElement(XElement element, string friendlyName)
    {
        ArgumentNullException.ThrowIfNull(element);
        using var db = dbFactory.CreateDbContext();
        db.DataProtectionKeys.Add(new DataProtectionKeyRow { FriendlyName = friendlyName, Xml = element.ToString(SaveOptions.DisableFormatting) });
        db.SaveChanges();
    }
}
