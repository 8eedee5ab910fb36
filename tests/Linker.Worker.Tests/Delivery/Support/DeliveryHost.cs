using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using OkrLinker.Core;
using OkrLinker.Core.Configuration;
using OkrLinker.Worker.Delivery;

namespace OkrLinker.Worker.Tests.Delivery.Support;

/// <summary>
/// The services delivery runs on, as the worker registers them (<c>AddLinkerCore</c> with an empty config,
/// then <c>AddReportDelivery</c>), with a config folder in a temp directory, every log captured, and
/// retries 1 ms apart unless a test says otherwise.
/// </summary>
internal sealed class DeliveryHost : IDisposable
{
    private readonly ServiceProvider provider;
    private readonly string root;

    private DeliveryHost(ServiceProvider provider, string root, FakeLogCollector logs)
    {
        this.provider = provider;
        this.root = root;
        Logs = logs;
    }

    public FakeLogCollector Logs { get; }

    /// <summary>The folder of the (imaginary) config file: relative paths start here.</summary>
    public string ConfigFolder => Path.Combine(root, "config");

    public string Root => root;

    public ReportDeliveryRunner Runner => provider.GetRequiredService<ReportDeliveryRunner>();

    public IServiceProvider Services => provider;

    public static DeliveryHost Create(IEnumerable<DeliveryOptions> entries, Action<IServiceCollection>? configure = null)
    {
        var root = Directory.CreateTempSubdirectory("okrlinker-deliver-").FullName;
        Directory.CreateDirectory(Path.Combine(root, "config"));
        var logs = new FakeLoggerProvider();
        var services = new ServiceCollection();
        services.AddLogging(logging => logging.SetMinimumLevel(LogLevel.Trace).AddProvider(logs));
        services.AddLinkerCore(new ConfigurationBuilder().Build(), Path.Combine(root, "config"));
        services.AddReportDelivery();

        // Without an html renderer the mail falls back to Markdown in <pre>; tests that want the
        // HTML part register their own, so the real one (tested on its own and in Chromium) goes.
        foreach (var html in services.Where(d => d.ImplementationType?.Name == "HtmlReportRenderer").ToList())
        {
            services.Remove(html);
        }

        services.Configure<LinkerOptions>(o => o.Report.Deliver = [.. entries]);
        services.Configure<DeliveryRetryOptions>(o => o.BaseDelay = TimeSpan.FromMilliseconds(1));
        configure?.Invoke(services);
        return new DeliveryHost(services.BuildServiceProvider(), root, logs.Collector);
    }

    public IReportDelivery Delivery(string kind) =>
        provider.GetServices<IReportDelivery>().Single(d => d.Kind == kind);

    public void Dispose()
    {
        provider.Dispose();
        Directory.Delete(root, recursive: true);
    }
}
