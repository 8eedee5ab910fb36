using System.Globalization;

namespace OkrLinker.Fakes.Jira;

/// <summary>
/// <c>okrlinker-fakes jira [--flavor cloud|datacenter] [--projects PAY,GRO,WEB] [--items 5000] [--seed 1]
/// [--zone America/Los_Angeles] [--lag-seconds 0]</c>: starts a fake Jira by hand, prints the token and a source
/// entry for linker.json, then one line per request it serves, until Ctrl-C.
/// </summary>
internal static class FakeJiraProgram
{
    public const string Usage =
        "usage: okrlinker-fakes jira [--flavor cloud|datacenter] [--projects PAY,GRO,WEB] [--items 5000] [--seed 1] [--zone America/Los_Angeles] [--lag-seconds 0]";

    public static async Task<int> RunAsync(string[] args)
    {
        var flavor = FakeJiraFlavor.Cloud;
        string[] projects = ["PAY", "GRO", "WEB"];
        var items = 5000;
        var seed = 1;
        var options = new FakeJiraOptions();
        for (var i = 1; i < args.Length; i += 2)
        {
            var value = i + 1 < args.Length ? args[i + 1] : null;
            switch (args[i], value)
            {
                case ("--flavor", { } f) when Enum.TryParse<FakeJiraFlavor>(f, true, out var parsed):
                    flavor = parsed;
                    break;
                case ("--projects", { } p):
                    projects = p.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
                    break;
                case ("--items", { } n):
                    items = int.Parse(n, CultureInfo.InvariantCulture);
                    break;
                case ("--seed", { } s):
                    seed = int.Parse(s, CultureInfo.InvariantCulture);
                    break;
                case ("--zone", { } z):
                    options = options with { ProfileZone = TimeZoneInfo.FindSystemTimeZoneById(z) };
                    break;
                case ("--lag-seconds", { } l):
                    options = options with { SearchLag = TimeSpan.FromSeconds(int.Parse(l, CultureInfo.InvariantCulture)) };
                    break;
                default:
                    Console.Error.WriteLine(Usage);
                    return 2;
            }
        }

        var data = FakeJiraData.Generate(seed, projects, items);
        using var fake = FakeJira.Start(data, options with { Flavor = flavor });
        var auth = flavor == FakeJiraFlavor.Cloud ? $"\"Email\": \"{fake.Email}\", " : "";
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Fake Jira {flavor} at {fake.BaseUrl} ({data.Count} issues in {string.Join(", ", projects)}; profile zone {options.ProfileZone.Id})"));
        Console.WriteLine($"export FAKE_JIRA_TOKEN={fake.Token}");
        Console.WriteLine($$"""
            { "Name": "jira", "Kind": "jira", "BaseUrl": "{{fake.BaseUrl}}", "Flavor": "{{flavor}}", "Projects": [{{string.Join(", ", projects.Select(p => $"\"{p}\""))}}],
              "Auth": { {{auth}}"TokenEnv": "FAKE_JIRA_TOKEN" } }
            """);
        Console.WriteLine("Ctrl-C stops it. Requests:");

        using var stop = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            stop.Cancel();
        };
        var printed = 0;
        while (!stop.IsCancellationRequested)
        {
            var all = fake.Requests.All;
            foreach (var request in all.Skip(printed))
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{++printed,6} {request.Timestamp:HH:mm:ss.fff} {request.Method,-4} {request.Path}{request.Query} {request.Status}{(request.Fault is { } f ? " " + f : "")}"));
            }

            try
            {
                await Task.Delay(200, stop.Token);
            }
            catch (OperationCanceledException)
            {
            }
        }

        Console.WriteLine($"{fake.Requests.Count} requests served, {fake.SearchRequests} of them searches.");
        return 0;
    }
}
