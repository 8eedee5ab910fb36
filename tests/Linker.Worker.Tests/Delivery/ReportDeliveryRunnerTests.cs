using Microsoft.Extensions.DependencyInjection;
using OkrLinker.Core.Configuration;
using OkrLinker.Fakes.Logging;
using OkrLinker.Worker.Delivery;
using OkrLinker.Worker.Tests.Delivery.Support;

namespace OkrLinker.Worker.Tests.Delivery;

public sealed class ReportDeliveryRunnerTests
{
    [Fact]
    public async Task A_receiver_failing_twice_gets_the_report_once_on_the_third_attempt()
    {
        await using var slack = await HttpReceiver.StartAsync(n => n <= 2 ? new WebhookReply(500) : WebhookReply.Ok);
        using var hook = new ScopedVariable(slack.WebhookUrl("retry-secret"));
        using var host = DeliveryHost.Create([new DeliveryOptions { Kind = "slack", WebhookEnv = hook.Name }]);

        var results = await host.Runner.DeliverAsync(DeliverySamples.Report(), CancellationToken.None);

        Assert.Equal([new DeliveryResult(0, "slack", true, 3, null)], results);
        Assert.Equal([500, 500, 200], slack.Requests.Select(r => r.AnsweredStatus));
        Assert.Single(slack.Requests.Select(r => r.Body).Distinct());
        Assert.Equal(2, host.Logs.Lines().Count(l => l.Contains("Report:Deliver:0 (slack): webhook answered 500; trying again", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task An_entry_on_record_is_not_sent_again_and_each_success_is_recorded_before_the_next_entry()
    {
        await using var slack = await HttpReceiver.AlwaysAsync(WebhookReply.Ok);
        await using var teams = await HttpReceiver.AlwaysAsync(WebhookReply.Ok);
        using var slackHook = new ScopedVariable(slack.WebhookUrl("record-slack"));
        using var teamsHook = new ScopedVariable(teams.WebhookUrl("record-teams"));
        using var host = DeliveryHost.Create(
        [
            new DeliveryOptions { Kind = "slack", WebhookEnv = slackHook.Name },
            new DeliveryOptions { Kind = "teams", WebhookEnv = teamsHook.Name },
        ]);
        var recorded = new List<(DeliveryResult Result, int TeamsRequestsThen)>();

        var results = await host.Runner.DeliverAsync(
            DeliverySamples.Report(),
            new HashSet<int> { 0 },
            (result, _) =>
            {
                recorded.Add((result, teams.Requests.Count));
                return Task.CompletedTask;
            },
            CancellationToken.None);

        // Entry 0 went out before (a node died after recording it): no request, succeeded after 0 attempts.
        Assert.Equal([new DeliveryResult(0, "slack", true, 0, null), new DeliveryResult(1, "teams", true, 1, null)], results);
        Assert.Empty(slack.Requests);
        Assert.Single(teams.Requests);
        Assert.Equal([(new DeliveryResult(1, "teams", true, 1, null), 1)], recorded);
        Assert.Contains(host.Logs.Lines(), l => l.Contains("already delivered by Report:Deliver:0 (slack); not sent again", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_wait_between_attempts_doubles_from_two_seconds()
    {
        await using var slack = await HttpReceiver.StartAsync(n => n <= 3 ? new WebhookReply(503) : WebhookReply.Ok);
        using var hook = new ScopedVariable(slack.WebhookUrl("backoff-secret"));
        var clock = new InstantDelays();
        using var host = DeliveryHost.Create(
            [new DeliveryOptions { Kind = "slack", WebhookEnv = hook.Name }],
            s =>
            {
                s.AddSingleton<TimeProvider>(clock);
                s.Configure<DeliveryRetryOptions>(o => o.BaseDelay = TimeSpan.FromSeconds(2));
            });

        var results = await host.Runner.DeliverAsync(DeliverySamples.Report(), CancellationToken.None);

        // Three failures: waits of 2 s, 2 × 2 = 4 s, 2 × 4 = 8 s; the fourth attempt succeeds.
        Assert.Equal([new DeliveryResult(0, "slack", true, 4, null)], results);
        Assert.Equal([TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(4), TimeSpan.FromSeconds(8)], clock.Waits);
    }

    [Fact]
    public async Task A_failing_slack_does_not_stop_teams_and_no_webhook_url_reaches_the_logs()
    {
        await using var slack = await HttpReceiver.AlwaysAsync(new WebhookReply(500));
        await using var teams = await HttpReceiver.AlwaysAsync(WebhookReply.Ok);
        var slackSecret = "T0SLACK-" + Guid.NewGuid().ToString("N");
        var teamsSecret = "T0TEAMS-" + Guid.NewGuid().ToString("N");
        using var slackHook = new ScopedVariable(slack.WebhookUrl(slackSecret));
        using var teamsHook = new ScopedVariable(teams.WebhookUrl(teamsSecret));
        using var host = DeliveryHost.Create(
        [
            new DeliveryOptions { Kind = "slack", WebhookEnv = slackHook.Name, Attempts = 3 },
            new DeliveryOptions { Kind = "teams", WebhookEnv = teamsHook.Name, Attempts = 3 },
        ]);

        var results = await host.Runner.DeliverAsync(DeliverySamples.Report(), CancellationToken.None);

        Assert.Equal(
            [
                new DeliveryResult(0, "slack", false, 3, "Report:Deliver:0 (slack): webhook answered 500"),
                new DeliveryResult(1, "teams", true, 1, null),
            ],
            results);
        Assert.Equal(3, slack.Requests.Count);
        Assert.Single(teams.Requests);

        var logs = host.Logs.All();
        Assert.NotEmpty(host.Logs.Lines());
        Assert.DoesNotContain(slackSecret, logs, StringComparison.Ordinal);
        Assert.DoesNotContain(teamsSecret, logs, StringComparison.Ordinal);
        Assert.DoesNotContain(slack.Root.Port.ToString(System.Globalization.CultureInfo.InvariantCulture), logs, StringComparison.Ordinal);
        Assert.Contains("Report 2026-W47 not delivered after 3 attempt(s): Report:Deliver:0 (slack): webhook answered 500", logs, StringComparison.Ordinal);
        Assert.Contains("Report 2026-W47 posted to the teams webhook at http://127.0.0.1 (200)", logs, StringComparison.Ordinal);
        Assert.Contains("Report 2026-W47 delivered by Report:Deliver:1 (teams) after 1 attempt(s)", logs, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_refused_webhook_is_not_tried_again()
    {
        await using var slack = await HttpReceiver.AlwaysAsync(new WebhookReply(404, "no_service"));
        using var hook = new ScopedVariable(slack.WebhookUrl("gone-secret"));
        using var host = DeliveryHost.Create([new DeliveryOptions { Kind = "slack", WebhookEnv = hook.Name }]);

        var results = await host.Runner.DeliverAsync(DeliverySamples.Report(), CancellationToken.None);

        Assert.Equal([new DeliveryResult(0, "slack", false, 1, "Report:Deliver:0 (slack): webhook answered 404 (no_service)")], results);
        Assert.Single(slack.Requests);
    }

    [Fact]
    public async Task An_unset_webhook_variable_fails_naming_the_key_and_the_variable()
    {
        using var hook = new ScopedVariable(null);
        using var host = DeliveryHost.Create([new DeliveryOptions { Kind = "Slack", WebhookEnv = hook.Name }]);

        var results = await host.Runner.DeliverAsync(DeliverySamples.Report(), CancellationToken.None);

        Assert.Equal(
            [new DeliveryResult(0, "slack", false, 1, $"Report:Deliver:0:WebhookEnv (slack): the environment variable {hook.Name} (WebhookEnv) is not set")],
            results);
    }

    [Fact]
    public async Task The_webhook_url_can_come_from_a_file_beside_the_config()
    {
        await using var teams = await HttpReceiver.AlwaysAsync(WebhookReply.Ok);
        using var host = DeliveryHost.Create([new DeliveryOptions { Kind = "teams", WebhookFile = "secrets/teams.url" }]);
        Directory.CreateDirectory(Path.Combine(host.ConfigFolder, "secrets"));
        await File.WriteAllTextAsync(Path.Combine(host.ConfigFolder, "secrets", "teams.url"), teams.WebhookUrl("file-secret") + "\n");

        var results = await host.Runner.DeliverAsync(DeliverySamples.Report(), CancellationToken.None);

        Assert.Equal([new DeliveryResult(0, "teams", true, 1, null)], results);
        Assert.Equal("/services/T0ACME/B0HOOK/file-secret", Assert.Single(teams.Requests).Path);
    }

    [Fact]
    public async Task A_webhook_variable_without_a_url_fails_without_echoing_its_value()
    {
        using var hook = new ScopedVariable("not a url but secret-ish");
        using var host = DeliveryHost.Create([new DeliveryOptions { Kind = "teams", WebhookEnv = hook.Name }]);

        var results = await host.Runner.DeliverAsync(DeliverySamples.Report(), CancellationToken.None);

        Assert.Equal(
            [new DeliveryResult(0, "teams", false, 1, $"Report:Deliver:0:WebhookEnv (teams): the environment variable {hook.Name} does not hold an absolute http(s) URL")],
            results);
        Assert.DoesNotContain("secret-ish", host.Logs.All(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Incomplete_entries_are_refused_untried_and_the_next_entry_still_runs()
    {
        await using var teams = await HttpReceiver.AlwaysAsync(WebhookReply.Ok);
        using var hook = new ScopedVariable(teams.WebhookUrl("after-bad-secret"));
        using var host = DeliveryHost.Create(
        [
            new DeliveryOptions { Kind = "pigeon" },
            new DeliveryOptions { Kind = "email" },
            new DeliveryOptions { Kind = "teams", WebhookEnv = hook.Name },
        ]);

        var results = await host.Runner.DeliverAsync(DeliverySamples.Report(), CancellationToken.None);

        Assert.Equal(
            [
                new DeliveryResult(0, "pigeon", false, 0, "Report:Deliver:0:Kind: 'pigeon' is not one of files, slack, teams, email"),
                new DeliveryResult(1, "email", false, 0,
                    "Report:Deliver:1:Host (email): missing; the SMTP server to send through; "
                    + "Report:Deliver:1:From (email): missing; the sender's address; "
                    + "Report:Deliver:1:To (email): missing; at least one recipient"),
                new DeliveryResult(2, "teams", true, 1, null),
            ],
            results);
    }

    [Fact]
    public async Task Cancellation_stops_the_run_instead_of_counting_as_a_failure()
    {
        await using var slack = await HttpReceiver.AlwaysAsync(new WebhookReply(500));
        using var hook = new ScopedVariable(slack.WebhookUrl("cancel-secret"));
        using var host = DeliveryHost.Create(
            [new DeliveryOptions { Kind = "slack", WebhookEnv = hook.Name }],
            s => s.Configure<DeliveryRetryOptions>(o => o.BaseDelay = TimeSpan.FromMinutes(10)));
        using var cancel = new CancellationTokenSource();

        var run = host.Runner.DeliverAsync(DeliverySamples.Report(), cancel.Token);
        while (slack.Requests.Count == 0)
        {
            await Task.Delay(10);
        }

        await cancel.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => run);
        Assert.Single(slack.Requests);
    }
}
