using System.Globalization;
using OkrLinker.Fakes;

// Starts a fake tracker by hand, for trying `check` and `sync` against it:
//   dotnet run --project tests/Linker.Fakes -- github [--repos web,api] [--items 500] [--seed 1] [--owner acme]
//   dotnet run --project tests/Linker.Fakes -- jira [--flavor cloud|datacenter] [--items 5000] (see FakeJiraProgram)
//   dotnet run --project tests/Linker.Fakes -- azure-devops [--items 5000] [--one-day 45000] [--server]
// It prints the address, the token and a source entry for linker.json, and runs until Ctrl-C.
if (args is ["jira", ..])
{
    return await OkrLinker.Fakes.Jira.FakeJiraProgram.RunAsync(args);
}

if (args is ["azure-devops", ..])
{
    return await FakeAzureDevOpsCommand.RunAsync(args);
}

var options = FakeCommandLine.Parse(args);
if (options is null)
{
    Console.Error.WriteLine("usage: okrlinker-fakes github [--owner acme] [--repos web,api] [--items 500] [--seed 1]");
    Console.Error.WriteLine("       " + FakeAzureDevOpsCommand.Usage);
    return 2;
}

var data = FakeGitHubData.Generate(options.Seed, options.Owner, options.Repos, options.Items);
await using var fake = await FakeGitHub.StartAsync(data);
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Fake GitHub at {fake.BaseUrl} ({data.Count} items in {string.Join(", ", options.Repos)}; project {data.ProjectNumber})"));
Console.WriteLine($"export FAKE_GITHUB_TOKEN={fake.Token}");
Console.WriteLine($$"""
    { "Name": "gh", "Kind": "github", "BaseUrl": "{{fake.BaseUrl}}", "Owner": "{{options.Owner}}", "Repos": [{{string.Join(", ", options.Repos.Select(r => $"\"{r}\""))}}],
      "ProjectNumbers": [{{data.ProjectNumber}}], "Auth": { "TokenEnv": "FAKE_GITHUB_TOKEN" } }
    """);
Console.WriteLine("Ctrl-C stops it.");

using var stop = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    stop.Cancel();
};
try
{
    await Task.Delay(Timeout.Infinite, stop.Token);
}
catch (OperationCanceledException)
{
}

Console.WriteLine($"{fake.Requests.Count} requests served.");
return 0;
