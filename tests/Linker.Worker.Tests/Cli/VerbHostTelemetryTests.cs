using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using OkrLinker.Worker.Cli;
using OkrLinker.Worker.Telemetry;
using OkrLinker.Worker.Tests.Support;

namespace OkrLinker.Worker.Tests.Cli;

/// <summary>
/// A verb's host is never started, so OpenTelemetry's hosted service never builds a meter or tracer provider there:
/// without OTLP export it is not registered at all; with it, it is (the verb's logs go out); a started host (the
/// worker) always has it.
/// </summary>
public sealed class VerbHostTelemetryTests : IDisposable
{
    private readonly TempConfig config = new TempConfig().WithOkrs(TempConfig.GoodOkrs);

    public void Dispose() => config.Dispose();

    [Fact]
    public void A_verbs_host_without_otlp_registers_no_OpenTelemetry_but_keeps_the_meter_factory()
    {
        config.WithConfig("{}");

        var services = Configure(neverStarted: true);

        Assert.DoesNotContain(services, IsOpenTelemetry);
        Assert.Contains(services, s => s.ServiceType == typeof(IMeterFactory));
    }

    [Fact]
    public void A_verbs_host_with_otlp_registers_OpenTelemetry()
    {
        config.WithConfig($$"""{ "{{LinkerTelemetry.OtlpEndpointKey}}": "http://127.0.0.1:4318" }""");

        Assert.Contains(Configure(neverStarted: true), IsOpenTelemetry);
    }

    [Fact]
    public void A_started_host_without_otlp_registers_OpenTelemetry()
    {
        config.WithConfig("{}");

        Assert.Contains(Configure(neverStarted: false), IsOpenTelemetry);
    }

    private IServiceCollection Configure(bool neverStarted)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true, ContentRootPath = config.ConfigFolder });
        LinkerHost.Configure(builder, config.ConfigPath, interactive: true, neverStarted);
        return builder.Services;
    }

    private static bool IsOpenTelemetry(ServiceDescriptor service) =>
        IsOpenTelemetry(service.ServiceType) || IsOpenTelemetry(service.ImplementationType);

    private static bool IsOpenTelemetry(Type? type) =>
        type?.Assembly.GetName().Name?.StartsWith("OpenTelemetry", StringComparison.Ordinal) == true;
}
