using OkrLinker.Core.Items;

namespace OkrLinker.Core.Tests.Support;

public static partial class Some
{
    /// <summary>Sunday 2026-11-22 10:30 UTC: when a sweep found an item gone, in these tests.</summary>
    public static readonly DateTimeOffset GoneAt = new(2026, 11, 22, 10, 30, 0, TimeSpan.Zero);

    /// <summary>An open GitHub pull request of source <c>gh</c>, team web; external id <c>id-</c> + key.</summary>
    public static WorkItem PullRequest(string key, string title) => Item(key, source: "gh", team: "web") with
    {
        Title = title,
        Type = "pull-request",
        State = "open",
        Project = key[..key.IndexOf('#', StringComparison.Ordinal)],
    };

    /// <summary>An open GitHub issue of source <c>gh</c>, team web.</summary>
    public static WorkItem Issue(string key, string title = "Some issue") =>
        PullRequest(key, title) with { Type = "issue" };

    /// <summary>An active Azure DevOps user story of source <c>ado</c>, team payments; the key is the id.</summary>
    public static WorkItem AdoItem(int id) => Item($"{id}", source: "ado") with
    {
        Type = "User Story",
        State = "Active",
        Project = "Shop",
        Area = @"Shop\Checkout",
    };

    /// <summary>The item as the store holds it after a sweep found it gone: Removed and gone.</summary>
    public static WorkItem Gone(this WorkItem item) => item with { Category = StateCategory.Removed, GoneAt = GoneAt };
}
