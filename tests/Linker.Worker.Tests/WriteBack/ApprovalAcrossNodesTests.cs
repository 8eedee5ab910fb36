using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OkrLinker.Core.Store;

namespace OkrLinker.Worker.Tests.WriteBack;

/// <summary>
/// The antiforgery token of an approve form is signed with the data-protection key ring, which lives in the store:
/// a form one worker served is accepted by another on the same store (a cluster node, or the same worker restarted).
/// </summary>
public sealed class ApprovalAcrossNodesTests
{
    [Fact]
    public async Task A_form_served_by_one_node_is_approved_on_another_node_of_the_same_store()
    {
        await using var wb = await WriteBackHarness.StartAsync();
        var session = await DashboardForms.SignInAsync(wb.Web.Client);
        var form = await DashboardForms.FormAsync(wb.Web.Client, session);
        await using var other = await wb.StartAnotherNodeAsync();
        wb.GitHub.Requests.Clear();

        using var response = await DashboardForms.PostAsync(other.Client, form.Cookies, form.Token, ("kr", "O1-KR2"), ("Sec-Fetch-Site", "same-origin"));

        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        Assert.Equal(["kr:O1-KR2"], wb.GitHub.Data.Find("web", 1)!.Labels);
        var record = Assert.Single(await wb.RecordsAsync());
        Assert.Equal(("dashboard login", "kr:O1-KR2", true), (record.ApprovedBy, record.Tag, record.Succeeded));
    }

    [Fact]
    public async Task The_key_ring_is_one_key_in_the_store_shared_by_both_nodes()
    {
        await using var wb = await WriteBackHarness.StartAsync();
        var session = await DashboardForms.SignInAsync(wb.Web.Client);
        await DashboardForms.FormAsync(wb.Web.Client, session);
        await using var other = await wb.StartAnotherNodeAsync();
        var otherSession = await DashboardForms.SignInAsync(other.Client);
        await DashboardForms.FormAsync(other.Client, otherSession);

        var factory = wb.Web.Services.GetRequiredService<IDbContextFactory<LinkerDbContext>>();
        await using var db = await factory.CreateDbContextAsync();
        var key = Assert.Single(await db.DataProtectionKeys.AsNoTracking().ToListAsync());
        Assert.StartsWith("key-", key.FriendlyName, StringComparison.Ordinal);
        Assert.StartsWith("<key id=\"", key.Xml, StringComparison.Ordinal);
    }
}
