using MimeKit;
using OkrLinker.Core.Configuration;
using OkrLinker.Worker.Delivery.Email;

namespace OkrLinker.Worker.Delivery;

/// <summary>
/// The structure of <c>Report.Deliver</c> entries: a known kind and the settings that kind needs. What
/// only the running machine can tell (is the environment variable set, does the file exist) is left to
/// the delivery itself, which fails naming the same keys.
/// </summary>
internal static class DeliveryEntryValidator
{
    public static IEnumerable<string> Validate(IReadOnlyList<DeliveryOptions> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        return entries.SelectMany((entry, index) => Check(index, entry));
    }

    public static IEnumerable<string> Check(int index, DeliveryOptions entry)
    {
        var kind = DeliveryKinds.Normalize(entry.Kind);
        if (kind is null)
        {
            yield return string.IsNullOrWhiteSpace(entry.Kind)
                ? $"{DeliveryKeys.Entry(index, "Kind")}: missing; one of {string.Join(", ", DeliveryKinds.All)}"
                : $"{DeliveryKeys.Entry(index, "Kind")}: '{entry.Kind}' is not one of {string.Join(", ", DeliveryKinds.All)}";
            yield break;
        }

        if (entry.Attempts < 1)
        {
            yield return Problem(index, "Attempts", kind, $"must be at least 1 (is {entry.Attempts})");
        }

        if (entry.Link is { } link && !IsWebAddress(link))
        {
            yield return Problem(index, "Link", kind, $"'{link}' is not an absolute http(s) address");
        }

        var problems = kind switch
        {
            DeliveryKinds.Slack or DeliveryKinds.Teams => CheckWebhook(index, kind, entry),
            DeliveryKinds.Email => CheckEmail(index, entry),
            _ => [],
        };
        foreach (var problem in problems)
        {
            yield return problem;
        }
    }

    private static IEnumerable<string> CheckWebhook(int index, string kind, DeliveryOptions entry)
    {
        if (string.IsNullOrWhiteSpace(entry.WebhookEnv) && string.IsNullOrWhiteSpace(entry.WebhookFile))
        {
            yield return Problem(index, "WebhookEnv", kind,
                "missing; name the environment variable (WebhookEnv) or the file (WebhookFile) that holds the webhook URL");
        }
    }

    private static IEnumerable<string> CheckEmail(int index, DeliveryOptions entry)
    {
        const string kind = DeliveryKinds.Email;
        if (string.IsNullOrWhiteSpace(entry.Host))
        {
            yield return Problem(index, "Host", kind, "missing; the SMTP server to send through");
        }

        if (entry.Port is < 1 or > 65535)
        {
            yield return Problem(index, "Port", kind, $"{entry.Port} is not a TCP port (1-65535)");
        }

        if (!SmtpSecurity.TryParse(entry.Security, out _))
        {
            yield return Problem(index, "Security", kind, $"'{entry.Security}' is not one of {string.Join(", ", SmtpSecurity.Names)}");
        }

        if (string.IsNullOrWhiteSpace(entry.From))
        {
            yield return Problem(index, "From", kind, "missing; the sender's address");
        }
        else if (!MailboxAddress.TryParse(entry.From, out _))
        {
            yield return Problem(index, "From", kind, $"'{entry.From}' is not an email address");
        }

        if (entry.To.Count == 0)
        {
            yield return Problem(index, "To", kind, "missing; at least one recipient");
        }

        for (var i = 0; i < entry.To.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(entry.To[i]) || !MailboxAddress.TryParse(entry.To[i], out _))
            {
                yield return Problem(index, $"To:{i}", kind, $"'{entry.To[i]}' is not an email address");
            }
        }

        var hasUser = !string.IsNullOrWhiteSpace(entry.UserEnv);
        var hasPassword = !string.IsNullOrWhiteSpace(entry.PasswordEnv);
        if (hasUser != hasPassword)
        {
            yield return Problem(index, hasUser ? "PasswordEnv" : "UserEnv", kind,
                "missing; UserEnv and PasswordEnv go together (neither: no authentication)");
        }
    }

    private static string Problem(int index, string setting, string kind, string problem) =>
        $"{DeliveryKeys.Entry(index, setting)} ({kind}): {problem}";

    internal static bool IsWebAddress(string text) =>
        Uri.TryCreate(text, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp);
}
