using OkrLinker.Core.Configuration;
using OkrLinker.Core.Reports;
using OkrLinker.Worker.Delivery;
using OkrLinker.Worker.Tests.Delivery.Support;
using static OkrLinker.Worker.Tests.Delivery.Support.Json;

namespace OkrLinker.Worker.Tests.Delivery.Slack;

public sealed class SlackDeliveryTests
{
    [Fact]
    public async Task Slack_gets_a_block_kit_message_led_by_the_krs_off_track_then_the_figures_teams_and_escaped_unlinked_items()
    {
        await using var slack = await HttpReceiver.AlwaysAsync(WebhookReply.Ok);
        using var hook = new ScopedVariable(slack.WebhookUrl("xoxhook-secret-1"));
        using var host = DeliveryHost.Create([new DeliveryOptions { Kind = "slack", WebhookEnv = hook.Name, Link = DeliverySamples.Link }]);

        var results = await host.Runner.DeliverAsync(DeliverySamples.Report(), CancellationToken.None);

        Assert.Equal([new DeliveryResult(0, "slack", true, 1, null)], results);
        var request = Assert.Single(slack.Requests);
        Assert.Equal("POST", request.Method);
        Assert.Equal("/services/T0ACME/B0HOOK/xoxhook-secret-1", request.Path);
        Assert.Equal("application/json; charset=utf-8", request.ContentType);

        var message = Parse(request.Body);
        var blocks = Items(message["blocks"]);
        Assert.Equal(["header", "section", "section", "section", "section", "section", "context"], blocks.Select(b => Str(b["type"])));

        Assert.Equal("plain_text", Str(blocks[0]["text"]!["type"]));
        Assert.Equal("OKR line-of-sight — 2026-W47", Str(blocks[0]["text"]!["text"]));

        // O2-KR1 is off track: (790 − 800) / (400 − 800) = 2.5% of the way at 57.6% of the period.
        Assert.Equal(
            ":red_circle: *1 KR off track*\n• *O2-KR1* Halve checkout p95 latency from 800 ms to 400 ms — 800ms → 790ms → 400ms · progress 2.5% vs 57.6% expected",
            Str(blocks[1]["text"]!["text"]));

        // 36 / 125 = 28.8% by count; 120 / 400 = 30% by points.
        Assert.Equal("mrkdwn", Str(blocks[2]["text"]!["type"]));
        Assert.Equal("*28.8% of this week's work serves no OKR* (36 of 125 items; 30% of 400 points)", Str(blocks[2]["text"]!["text"]));
        Assert.All(Items(blocks[2]["fields"]), f => Assert.Equal("mrkdwn", Str(f["type"])));
        Assert.Equal(
            ["*Items*\n125", "*Linked*\n64", "*BAU*\n25", "*Unlinked*\n36 (28.8%)", "*Unlinked points*\n120 of 400 (30%)"],
            Items(blocks[2]["fields"]).Select(f => Str(f["text"])));

        // payments 15 / 60 = 25%; web 21 / 65 = 0.3231 → 32.3%.
        Assert.Equal("*Unlinked share by team*", Str(blocks[3]["text"]!["text"]));
        Assert.Equal(
            ["*payments*\n25% · 15 of 60 items", "*web*\n32.3% · 21 of 65 items"],
            Items(blocks[3]["fields"]).Select(f => Str(f["text"])));

        // The top 5 of 7 by points; WEB-5 has no URL, so no link; the hostile title is escaped.
        Assert.Equal(
            "*Work that serves no OKR (7)*\n"
            + "• <https://acme.atlassian.net/browse/PAY-101|PAY-101> Refactor the card vault — payments · 13 pts\n"
            + "• <https://github.com/acme/web/issues/42|acme/web#42> &lt;script&gt;alert(1)&lt;/script&gt; &amp; friends — web · 8 pts\n"
            + "• <https://dev.azure.com/acme/Shop/_workitems/edit/4711|4711> Upgrade build agents — web · 5 pts\n"
            + "• <https://acme.atlassian.net/browse/PAY-102|PAY-102> Rotate PCI logs — payments · 3 pts\n"
            + "• WEB-5 Clean up feature flags — web · 2.5 pts\n"
            + "…and 2 more in the full report",
            Str(blocks[4]["text"]!["text"]));
        Assert.DoesNotContain("<script>", request.Body.Replace("\\u003C", "<", StringComparison.Ordinal), StringComparison.Ordinal);

        Assert.Equal(
            "*KRs with no work in the last 4 weeks*\n• *O1-KR2* Cut time to first value from 9 to 4 minutes\n• *O2-KR1* Halve checkout p95 latency from 800 ms to 400 ms",
            Str(blocks[5]["text"]!["text"]));

        var context = Assert.Single(Items(blocks[6]["elements"]));
        Assert.Equal("mrkdwn", Str(context["type"]));
        Assert.Equal(
            "Period 2026-Q4 · week from 2026-11-16 · generated 2026-11-23 07:00 UTC · <https://okr.acme.example/reports/2026-W47|Full report>",
            Str(context["text"]));

        Assert.Equal(
            "OKR line-of-sight — 2026-W47: 28.8% of this week's work serves no OKR (36 of 125 items; 30% of 400 points). <https://okr.acme.example/reports/2026-W47|Full report>",
            Str(message["text"]));
    }

    [Fact]
    public async Task Without_a_link_the_context_has_none_and_a_week_with_no_unlinked_work_says_so()
    {
        await using var slack = await HttpReceiver.AlwaysAsync(WebhookReply.Ok);
        using var hook = new ScopedVariable(slack.WebhookUrl("xoxhook-secret-2"));
        using var host = DeliveryHost.Create([]);
        var report = DeliverySamples.Report() with
        {
            UnlinkedItems = [],
            Objectives = [],
        };

        await host.Delivery("slack").DeliverAsync(report, new DeliveryOptions { Kind = "slack", WebhookEnv = hook.Name }, CancellationToken.None);

        var blocks = Items(Parse(Assert.Single(slack.Requests).Body)["blocks"]);
        Assert.Equal(["header", "section", "section", "section", "context"], blocks.Select(b => Str(b["type"])));
        Assert.Equal("*Work that serves no OKR (0)*\nNone this week.", Str(blocks[3]["text"]!["text"]));
        Assert.Equal("Period 2026-Q4 · week from 2026-11-16 · generated 2026-11-23 07:00 UTC", Str(Items(blocks[4]["elements"])[0]["text"]));
    }

    [Fact]
    public async Task Twelve_krs_without_work_list_ten_and_count_the_rest()
    {
        await using var slack = await HttpReceiver.AlwaysAsync(WebhookReply.Ok);
        using var hook = new ScopedVariable(slack.WebhookUrl("xoxhook-secret-3"));
        using var host = DeliveryHost.Create([]);
        var idle = Enumerable.Range(1, 12)
            .Select(i => new KeyResultReport($"O9-KR{i}", $"Idle KR {i}", 0, 1, null, null, 0.5, null, null, [], null, new KrItemCounts(0, 0, 0, 0), 0, null, [], ["no-work"], null))
            .ToList();
        var report = DeliverySamples.Report() with { Objectives = [new ObjectiveReport("O9", "Idle", idle)] };

        await host.Delivery("slack").DeliverAsync(report, new DeliveryOptions { Kind = "slack", WebhookEnv = hook.Name }, CancellationToken.None);

        // 12 flagged: the first 10 listed, 12 − 10 = 2 counted.
        var text = Str(Items(Parse(Assert.Single(slack.Requests).Body)["blocks"])[4]["text"]!["text"]);
        var lines = text.Split('\n');
        Assert.Equal(12, lines.Length);
        Assert.Equal("*KRs with no work in the last 4 weeks*", lines[0]);
        Assert.Equal("• *O9-KR10* Idle KR 10", lines[10]);
        Assert.Equal("…and 2 more in the full report", lines[11]);
    }
}
