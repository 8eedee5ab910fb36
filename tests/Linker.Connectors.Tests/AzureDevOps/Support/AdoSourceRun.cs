using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using OkrLinker.Connectors.AzureDevOps;
using OkrLinker.Connectors.Http;
using OkrLinker.Connectors.Tests.Http.Support;
using OkrLinker.Core.Configuration;
using OkrLinker.Core.Sources;
using OkrLinker.Fakes;

namespace OkrLinker.Connectors.Tests.AzureDevOps.Support;

/// <summary>
/// The Azure DevOps source built the way the host builds it (<c>AddAzureDevOpsSource</c>, the real HTTP layer
/// with millisecond backoff) against a fake, without a store: for tests of what it reads and what it sends.
/// </summary>
internal sealed class AdoSourceRun : IDisposable
{
    private readonly ServiceProvider services;
    private readonly string variable;

    private AdoSourceRun(ServiceProvider services, IWorkItemSource source, string variable)
    {
        this.services = services;
        Source = source;
        this.variable = variable;
    }

    public IWorkItemSource Source { get; }

    public string TokenVariable => variable;

    /// <param name="now">The source's clock (real timers, a fixed now), where what it reads depends on the time; else the system's.</param>
    public static AdoSourceRun Create(FakeAzureDevOps fake, Action<SourceOptions>? configure = null, string? token = null, DateTimeOffset? now = null)
    {
        var variable = "ADO_UNIT_PAT_" + Guid.NewGuid().ToString("N");
        Environment.SetEnvironmentVariable(variable, token ?? fake.Token);
        var collection = new ServiceCollection();
        if (now is { } fixedNow)
        {
            collection.AddSingleton<TimeProvider>(new FakeClock(fixedNow));
        }

        var services = collection
            .AddAzureDevOpsSource()
            .AddSingleton(Options.Create(TestSource.FastOptions()))
            .BuildServiceProvider();
        var options = new SourceOptions
        {
            Name = "ado",
            Kind = AzureDevOpsSource.Kind,
            BaseUrl = fake.BaseUrl.ToString(),
            Projects = [.. fake.Data.Projects.Select(p => p.Name)],
            Auth = new AuthOptions { TokenEnv = variable },
        };
        configure?.Invoke(options);
        var kind = services.GetServices<SourceKind>().Single(k => k.Kind == AzureDevOpsSource.Kind);
        return new AdoSourceRun(services, kind.Create(services, options), variable);
    }

    /// <summary>Every page of one project after <paramref name="cursor"/>, and the cursor of the last page (or the one given).</summary>
    public async Task<(List<WorkItemPage> Pages, string? Cursor)> ReadAsync(string project, string? cursor = null)
    {
        var pages = new List<WorkItemPage>();
        await foreach (var page in Source.ReadAsync(new SourceScope("ado", project), cursor, CancellationToken.None))
        {
            pages.Add(page);
        }

        return (pages, pages.Count > 0 ? pages[^1].Cursor : cursor);
    }

    public void Dispose()
    {
        Environment.SetEnvironmentVariable(variable, null);
        (Source as IDisposable)?.Dispose();
        services.Dispose();
    }
}
