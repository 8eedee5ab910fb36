using OkrLinker.Worker.Tests.Support;
using OkrLinker.Worker.Tests.Web;

namespace OkrLinker.Worker.Tests.Browser;

/// <summary>
/// The dashboard's hand-worked data set: two CSV sources (jira, gh) for 2026-W47 (Monday 2026-11-16 to Monday 2026-11-23
/// UTC), <see cref="TempConfig.GoodOkrs"/>, BAU = type Bug, and three samples of O1-KR1's metric.
/// <para>
/// In scope (in progress, or done inside the week): PAY-1, PAY-2, PAY-3, PAY-4, PAY-5, PAY-6, GRO-2, acme/web#10, #11,
/// #12, #13 = 11 items (GRO-1 is to do, GRO-3 was done the week before, GRO-4 is Removed). Linked: PAY-1 (label),
/// PAY-2 and PAY-3 (inherited from PAY-1), GRO-2 (inherited from GRO-1), acme/web#10 (names PAY-2) = 5; BAU: PAY-5,
/// acme/web#13 = 2; unlinked: PAY-4, PAY-6, acme/web#11, acme/web#12 = 4 → 4/11 = 36.4 %. Points: 24 in all, 13
/// unlinked (PAY-4 5, PAY-6 8) → 54.2 %. Teams: payments 6 items, 2 unlinked (33.3 %); growth 1, none; web 4, 2 (50 %).
/// </para>
/// <para>
/// O1-KR1's line-of-sight: PAY-1 → PAY-2 → {PAY-3, acme/web#10}: 4 items, 5 points. O1-KR2's: GRO-1 → GRO-2: 2 items
/// (GRO-4 is Removed), 5 points. PAY-6's tag <c>kr:01-KR2</c> (a zero for the O) is an unknown-kr-tag finding that
/// suggests O1-KR2. PAY-4's title is hostile markup.
/// </para>
/// </summary>
public static class DashboardSample
{
    public const string ApiKey = "dash-s3cret";

    public const string Week = "2026-W47";

    public const string HostileTitle = """<script>window.__pwned=1</script><img src=x onerror="window.__pwned=2">""";

    public const string Jira = """
        key,title,type,state,category,team,labels,parent,points,created,resolved,url
        PAY-1,Card retries,Epic,In Progress,InProgress,payments,kr:O1-KR1,,,2026-11-02T09:00:00Z,,https://jira.example/browse/PAY-1
        PAY-2,Retry on soft decline,Story,In Progress,InProgress,payments,,PAY-1,3,2026-11-03T09:00:00Z,,https://jira.example/browse/PAY-2
        PAY-3,Retry backoff table,Task,Done,Done,payments,,PAY-2,2,2026-11-04T09:00:00Z,2026-11-18T10:00:00Z,https://jira.example/browse/PAY-3
        PAY-4,"<script>window.__pwned=1</script><img src=x onerror=""window.__pwned=2"">",Story,In Progress,InProgress,payments,,,5,2026-11-05T09:00:00Z,,javascript:alert(1)
        PAY-5,Fix 3DS crash,Bug,In Progress,InProgress,payments,,,1,2026-11-06T09:00:00Z,,https://jira.example/browse/PAY-5
        PAY-6,Refund flow,Story,In Progress,InProgress,payments,kr:01-KR2,,8,2026-11-07T09:00:00Z,,https://jira.example/browse/PAY-6
        GRO-1,Onboarding checklist,Epic,To Do,ToDo,growth,kr:O1-KR2,,,2026-11-01T09:00:00Z,,https://jira.example/browse/GRO-1
        GRO-2,Checklist UI,Story,Done,Done,growth,,GRO-1,5,2026-11-02T09:00:00Z,2026-11-17T10:00:00Z,https://jira.example/browse/GRO-2
        GRO-3,Old cleanup,Task,Done,Done,growth,,,,2026-10-01T09:00:00Z,2026-11-05T10:00:00Z,https://jira.example/browse/GRO-3
        GRO-4,Dropped idea,Story,Removed,Removed,growth,kr:O1-KR2,,3,2026-11-02T09:00:00Z,,https://jira.example/browse/GRO-4
        """;

    public const string GitHub = """
        key,title,type,state,category,team,labels,body,created,resolved,url
        acme/web#10,Retry banner,pull-request,open,InProgress,web,,Implements PAY-2,2026-11-10T09:00:00Z,,https://github.example/acme/web/pull/10
        acme/web#11,Bump dependencies,pull-request,open,InProgress,web,,,2026-11-11T09:00:00Z,,https://github.example/acme/web/pull/11
        acme/web#12,Docs typo,issue,closed,Done,web,,,2026-11-12T09:00:00Z,2026-11-20T10:00:00Z,https://github.example/acme/web/issues/12
        acme/web#13,Flaky test,Bug,open,InProgress,web,,,2026-11-13T09:00:00Z,,https://github.example/acme/web/issues/13
        """;

    public static TempConfig Config() => new TempConfig()
        .WithOkrs(TempConfig.GoodOkrs)
        .WithFile("samples/jira/items.csv", Jira)
        .WithFile("samples/gh/items.csv", GitHub);

    public static WebSettings Settings() => new WebSettings()
        .WithCsvSource("jira", "samples/jira")
        .WithCsvSource("gh", "samples/gh")
        .With("Report:Week", Week)
        .With("Linking:Bau:0:Field", "type")
        .With("Linking:Bau:0:Equals", "Bug")
        .WithApiKey(ApiKey);
}
