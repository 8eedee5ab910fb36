using OkrLinker.Fakes.Jira;

namespace OkrLinker.Worker.Tests.Jira;

/// <summary>Refused credentials fail the source at once and never look like an emptied tracker; <c>check</c> shows what a Jira admin needs.</summary>
public sealed class JiraAuthAndCheckTests
{
    [Fact]
    public async Task A_wrong_Cloud_token_answered_as_anonymous_fails_the_source_in_one_request_and_the_sweep_removes_nothing()
    {
        var data = FakeJiraData.Generate(21, JiraHarness.Projects, 150);
        using var jira = JiraHarness.Start(data, new FakeJiraOptions());
        Assert.Equal(0, (await jira.SyncAsync()).ExitCode);
        var before = await jira.StoredAsync();
        Environment.SetEnvironmentVariable(jira.TokenVariable, "not-the-token");
        jira.Fake.Requests.Clear();

        var run = await jira.SyncAsync("--full");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains(
            $"Source 'jira': Jira did not accept the credentials (X-Seraph-LoginReason: AUTHENTICATED_FAILED) and answered as an anonymous user — check Auth.Email and the API token in {jira.TokenVariable}.",
            run.Out,
            StringComparison.Ordinal);
        Assert.Equal(1, jira.Fake.Requests.Count);
        Assert.DoesNotContain("not-the-token", run.Out + run.Error, StringComparison.Ordinal);
        Assert.Equal(before, await jira.StoredAsync());
    }

    [Fact]
    public async Task A_wrong_Data_Center_token_fails_with_the_401_naming_the_token_variable()
    {
        using var jira = JiraHarness.Start(FakeJiraData.Generate(22, JiraHarness.Projects, 30), new FakeJiraOptions { Flavor = FakeJiraFlavor.DataCenter }, token: "wrong");

        var run = await jira.SyncAsync();

        Assert.Equal(1, run.ExitCode);
        Assert.Contains(
            $"Source 'jira': Jira answered 401 Unauthorized (You are not authenticated. Authentication required to perform this operation.) — check the token in {jira.TokenVariable}.",
            run.Out,
            StringComparison.Ordinal);
        Assert.Equal(1, jira.Fake.Requests.Count);
        Assert.Empty(await jira.StoredAsync());
    }

    [Fact]
    public async Task A_CAPTCHA_lock_out_says_to_sign_in_once_in_a_browser()
    {
        using var jira = JiraHarness.Start(FakeJiraData.Generate(23, JiraHarness.Projects, 30), new FakeJiraOptions { CaptchaLocked = true });

        var run = await jira.SyncAsync();

        Assert.Equal(1, run.ExitCode);
        Assert.Contains(
            "Source 'jira': Jira refused the login (X-Seraph-LoginReason: AUTHENTICATION_DENIED): too many failed logins put the account behind a CAPTCHA — "
            + $"sign in once in a browser as that account and answer the CAPTCHA (an admin can also reset it), then check the token in {jira.TokenVariable}.",
            run.Out,
            StringComparison.Ordinal);
        Assert.Equal(1, jira.Fake.Requests.Count);
    }

    [Theory]
    [InlineData(FakeJiraFlavor.Cloud)]
    [InlineData(FakeJiraFlavor.DataCenter)]
    public async Task Check_shows_the_site_the_login_the_field_ids_and_each_scope(FakeJiraFlavor flavor)
    {
        var options = new FakeJiraOptions { Flavor = flavor, KeyResultFieldId = "customfield_11342", StoryPointsFieldId = "customfield_10106", EpicLinkFieldId = "customfield_10100" };
        using var jira = JiraHarness.Start(FakeJiraData.Generate(24, JiraHarness.Projects, 30), options);

        var run = await jira.CheckAsync();

        Assert.Equal(0, run.ExitCode);
        var product = flavor == FakeJiraFlavor.Cloud ? "Jira Cloud 1001.0.0-SNAPSHOT" : "Jira Data Center 9.12.15";
        Assert.Contains($"reachable \"Acme Jira (fake)\", {product}", run.Out, StringComparison.Ordinal);
        Assert.Contains("authenticated as OKR Linker bot <okr-bot@acme.example>, profile time zone America/Los_Angeles", run.Out, StringComparison.Ordinal);
        Assert.Contains("field \"Key Result\"  yes   customfield_11342", run.Out, StringComparison.Ordinal);
        Assert.Contains(flavor == FakeJiraFlavor.Cloud ? "\"Story point estimate\" = customfield_10106" : "\"Story Points\" = customfield_10106", run.Out, StringComparison.Ordinal);
        Assert.Equal(flavor == FakeJiraFlavor.DataCenter, run.Out.Contains("field \"Epic Link\"   yes   customfield_10100", StringComparison.Ordinal));
        Assert.Contains(flavor == FakeJiraFlavor.Cloud ? "JQL valid (project = \"PAY\"), issues found" : "JQL valid (project = \"PAY\"), 10 issues", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Check_shows_Jiras_own_message_for_a_scope_whose_JQL_it_refuses()
    {
        using var jira = JiraHarness.Start(FakeJiraData.Generate(25, JiraHarness.Projects, 30), new FakeJiraOptions(), jql: "project = NOPE ORDER BY rank");

        var run = await jira.CheckAsync();

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("Jira answered 400 Bad Request for the configured JQL: The value 'NOPE' does not exist for the field 'project'.", run.Out, StringComparison.Ordinal);
    }
}
