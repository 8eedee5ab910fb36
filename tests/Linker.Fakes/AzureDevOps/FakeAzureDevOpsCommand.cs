using System.Globalization;
using System.Net;
using System.Runtime.InteropServices;

namespace OkrLinker.Fakes;

/// <summary>
/// <c>okrlinker-fakes azure-devops [--org acme] [--items 5000] [--seed 1] [--one-day 45000] [--server] [--sign-in-page]</c>:
/// starts the fake Azure DevOps by hand, prints the PAT variable and a source entry for linker.json, and on
/// Ctrl-C prints the request journal by kind and every WIQL query it answered.
/// </summary>
internal static class FakeAzureDevOpsCommand
{
    public const string Usage =
        "okrlinker-fakes azure-devops [--org acme] [--items 5000] [--seed 1] [--one-day 45000] [--server] [--sign-in-page]";

    public static async Task<int> RunAsync(string[] args)
    {
        var org = "acme";
        var items = 5000;
        var seed = 1;
        int? oneDay = null;
        var server = false;
        var signIn = false;
        for (var i = 1; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--org" when i + 1 < args.Length: org = args[++i]; break;
                case "--items" when i + 1 < args.Length: items = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
                case "--seed" when i + 1 < args.Length: seed = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
                case "--one-day" when i + 1 < args.Length: oneDay = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
                case "--server": server = true; break;
                case "--sign-in-page": signIn = true; break;
                default:
                    Console.Error.WriteLine("usage: " + Usage);
                    return 2;
            }
        }

        var collection = server ? "DefaultCollection" : org;
        var shop = items * 3 / 5;
        var data = oneDay is { } count
            ? FakeAzureDevOpsData.GenerateOneDay(seed, "Shop", count, new DateOnly(2026, 11, 19), collection)
            : FakeAzureDevOpsData.Generate(seed, [new("Shop", shop, FakeAdoProcess.Agile), new("Mobile", items - shop, FakeAdoProcess.Custom)], collection);
        await using var fake = FakeAzureDevOps.Start(data, new FakeAzureDevOpsOptions
        {
            MaxApiVersion = server ? "7.0" : "7.1",
            BadTokenAnswer = signIn ? HttpStatusCode.NonAuthoritativeInformation : HttpStatusCode.Unauthorized,
        });
        var projects = data.Projects.Select(p => $"\"{p.Name}\"");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Fake Azure DevOps {(server ? "Server" : "Services")} at {fake.BaseUrl} ({data.Count} work items in {string.Join(", ", data.Projects.Select(p => p.Name))})"));
        Console.WriteLine($"export FAKE_ADO_PAT={fake.Token}");
        Console.WriteLine($$"""
            { "Name": "ado", "Kind": "azure-devops", "BaseUrl": "{{fake.BaseUrl}}", "Projects": [{{string.Join(", ", projects)}}],
              "Auth": { "TokenEnv": "FAKE_ADO_PAT" } }
            """);
        Console.WriteLine("Ctrl-C (or SIGTERM) stops it and prints the request journal.");

        using var stop = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            stop.Cancel();
        };

        // A fake started in the background (where SIGINT is ignored) is stopped with SIGTERM, and still prints its journal.
        using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, signal =>
        {
            signal.Cancel = true;
            stop.Cancel();
        });
        try
        {
            await Task.Delay(Timeout.Infinite, stop.Token);
        }
        catch (OperationCanceledException)
        {
        }

        var journal = fake.Journal.All;
        Console.WriteLine($"{journal.Count} requests served: " + string.Join(", ", journal.GroupBy(r => r.Kind).Select(g => $"{g.Key} {g.Count()}")));
        foreach (var wiql in journal.Where(r => r.Kind == "wiql"))
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {wiql.Status} {wiql.Count,5} ids  {wiql.Query}  {wiql.Wiql}"));
        }

        return 0;
    }
}
