using OkrLinker.Core.Configuration;
using OkrLinker.Worker.Delivery;
using OkrLinker.Worker.Tests.Delivery.Support;
using static OkrLinker.Worker.Tests.Delivery.Support.Json;

namespace OkrLinker.Worker.Tests.Delivery.Teams;

public sealed class TeamsDeliveryTests
{
    [Fact]
    public async Task Teams_gets_an_adaptive_card_led_by_the_krs_off_track_with_the_figures_as_facts_and_the_report_button()
    {
        // Workflows webhooks answer 202 Accepted.
        await using var teams = await HttpReceiver.AlwaysAsync(new WebhookReply(202));
        using var hook = new ScopedVariable(teams.WebhookUrl("teams-secret-1"));
        using var host = DeliveryHost.Create([new DeliveryOptions { Kind = "teams", WebhookEnv = hook.Name, Link = DeliverySamples.Link }]);

        var results = await host.Runner.DeliverAsync(DeliverySamples.Report(), CancellationToken.None);

        Assert.Equal([new DeliveryResult(0, "teams", true, 1, null)], results);
        var request = Assert.Single(teams.Requests);
        Assert.Equal("application/json; charset=utf-8", request.ContentType);
        var message = Parse(request.Body);
        Assert.Equal("message", Str(message["type"]));
        var attachment = Assert.Single(Items(message["attachments"]));
        Assert.Equal("application/vnd.microsoft.card.adaptive", Str(attachment["contentType"]));
        Assert.Null(attachment["contentUrl"]);

        var card = attachment["content"]!;
        Assert.Equal("http://adaptivecards.io/schemas/adaptive-card.json", Str(card["$schema"]));
        Assert.Equal("AdaptiveCard", Str(card["type"]));
        Assert.Equal("1.4", Str(card["version"]));

        var body = Items(card["body"]);
        Assert.Equal(
            ["TextBlock", "TextBlock", "TextBlock", "TextBlock", "FactSet", "TextBlock", "FactSet", "TextBlock",
             "TextBlock", "TextBlock", "TextBlock", "TextBlock", "TextBlock", "TextBlock",
             "TextBlock", "TextBlock", "TextBlock"],
            body.Select(b => Str(b["type"])));
        Assert.Equal("OKR line-of-sight — 2026-W47", Str(body[0]["text"]));
        Assert.Equal("Large", Str(body[0]["size"]));

        // O2-KR1 is off track: (790 − 800) / (400 − 800) = 2.5% of the way at 57.6% of the period.
        Assert.Equal(("1 KR off track", "Attention"), (Str(body[1]["text"]), Str(body[1]["color"])));
        Assert.Equal("**O2-KR1** Halve checkout p95 latency from 800 ms to 400 ms — 800ms → 790ms → 400ms · progress 2.5% vs 57.6% expected", Str(body[2]["text"]));
        Assert.Equal("**28.8% of this week's work serves no OKR** (36 of 125 items; 30% of 400 points)", Str(body[3]["text"]));

        // 36 / 125 = 28.8%; 120 / 400 = 30%.
        Assert.Equal(
            ["Items=125", "Linked=64", "BAU=25", "Unlinked=36 (28.8%)", "Unlinked points=120 of 400 (30%)"],
            Items(body[4]["facts"]).Select(f => $"{Str(f["title"])}={Str(f["value"])}"));

        Assert.Equal("Unlinked share by team", Str(body[5]["text"]));
        Assert.Equal(
            ["payments=25% · 15 of 60 items", "web=32.3% · 21 of 65 items"],
            Items(body[6]["facts"]).Select(f => $"{Str(f["title"])}={Str(f["value"])}"));

        Assert.Equal("Work that serves no OKR (7)", Str(body[7]["text"]));
        Assert.Equal(
            [
                "[PAY-101](https://acme.atlassian.net/browse/PAY-101) Refactor the card vault — payments · 13 pts",
                "[acme/web\\#42](https://github.com/acme/web/issues/42) \\<script\\>alert\\(1\\)\\</script\\> & friends — web · 8 pts",
                "[4711](https://dev.azure.com/acme/Shop/_workitems/edit/4711) Upgrade build agents — web · 5 pts",
                "[PAY-102](https://acme.atlassian.net/browse/PAY-102) Rotate PCI logs — payments · 3 pts",
                "WEB-5 Clean up feature flags — web · 2.5 pts",
                "…and 2 more in the full report",
            ],
            body.Skip(8).Take(6).Select(b => Str(b["text"])));
        Assert.True(body[13]["isSubtle"]!.GetValue<bool>());

        Assert.Equal("KRs with no work in the last 4 weeks", Str(body[14]["text"]));
        Assert.Equal(
            ["**O1-KR2** Cut time to first value from 9 to 4 minutes", "**O2-KR1** Halve checkout p95 latency from 800 ms to 400 ms"],
            body.Skip(15).Select(b => Str(b["text"])));

        var action = Assert.Single(Items(card["actions"]));
        Assert.Equal("Action.OpenUrl", Str(action["type"]));
        Assert.Equal("Open the full report", Str(action["title"]));
        Assert.Equal(DeliverySamples.Link, Str(action["url"]));
    }

    [Fact]
    public async Task Without_a_link_the_card_has_no_actions()
    {
        await using var teams = await HttpReceiver.AlwaysAsync(WebhookReply.Ok);
        using var hook = new ScopedVariable(teams.WebhookUrl("teams-secret-2"));
        using var host = DeliveryHost.Create([]);

        await host.Delivery("teams").DeliverAsync(DeliverySamples.Report(), new DeliveryOptions { Kind = "teams", WebhookEnv = hook.Name }, CancellationToken.None);

        var card = Items(Parse(Assert.Single(teams.Requests).Body)["attachments"])[0]["content"]!.AsObject();
        Assert.False(card.ContainsKey("actions"));
    }
}
