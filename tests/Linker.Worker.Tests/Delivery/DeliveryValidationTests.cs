using OkrLinker.Core.Configuration;
using OkrLinker.Worker.Delivery;

namespace OkrLinker.Worker.Tests.Delivery;

public sealed class DeliveryValidationTests
{
    [Fact]
    public void Every_structural_problem_names_its_key()
    {
        DeliveryOptions[] entries =
        [
            new() { Kind = "files" },
            new() { Kind = "" },
            new() { Kind = "teams", Link = "javascript:alert(1)" },
            new() { Kind = "email", Port = 0, Security = "Tls", From = "not an address", To = ["lead@acme.example", "@@"], UserEnv = "SMTP_USER", Attempts = 0 },
            new() { Kind = "slack", WebhookFile = "slack.url" },
        ];

        var problems = ReportDeliveryRunner.Validate(entries).ToList();

        Assert.Equal(
            [
                "Report:Deliver:1:Kind: missing; one of files, slack, teams, email",
                "Report:Deliver:2:Link (teams): 'javascript:alert(1)' is not an absolute http(s) address",
                "Report:Deliver:2:WebhookEnv (teams): missing; name the environment variable (WebhookEnv) or the file (WebhookFile) that holds the webhook URL",
                "Report:Deliver:3:Attempts (email): must be at least 1 (is 0)",
                "Report:Deliver:3:Host (email): missing; the SMTP server to send through",
                "Report:Deliver:3:Port (email): 0 is not a TCP port (1-65535)",
                "Report:Deliver:3:Security (email): 'Tls' is not one of StartTls, SslOnConnect, None",
                "Report:Deliver:3:From (email): 'not an address' is not an email address",
                "Report:Deliver:3:To:1 (email): '@@' is not an email address",
                "Report:Deliver:3:PasswordEnv (email): missing; UserEnv and PasswordEnv go together (neither: no authentication)",
            ],
            problems);
    }

    [Fact]
    public void Complete_entries_have_no_problems()
    {
        DeliveryOptions[] entries =
        [
            new() { Kind = "files", Formats = ["md"] },
            new() { Kind = "slack", WebhookEnv = "SLACK_WEBHOOK", Link = "https://okr.acme.example/" },
            new() { Kind = "Teams", WebhookFile = "teams.url" },
            new() { Kind = "email", Host = "smtp.acme.example", Security = "sslonconnect", Port = 465, From = "okr@acme.example", To = ["lead@acme.example"], UserEnv = "U", PasswordEnv = "P" },
        ];

        Assert.Empty(ReportDeliveryRunner.Validate(entries));
    }
}
