using System.Net;
using System.Net.Sockets;
using WireMock;
using WireMock.Logging;
using WireMock.Matchers;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;
using WireMock.Settings;

namespace OkrLinker.Fakes.Hosting;

/// <summary>
/// How every fake is hosted: WireMock.Net on 127.0.0.1 at a free port, no admin interface, one catch-all mapping
/// whose callback answers from the fake's state, and an optional <see cref="FakeFaultGate"/> in front.
/// </summary>
public static class FakeWireMock
{
    public static WireMockServer Start(Func<IRequestMessage, Task<IResponseMessage>> answer, FakeFaultGate? gate = null)
    {
        ArgumentNullException.ThrowIfNull(answer);
        var server = WireMockServer.Start(new WireMockServerSettings
        {
            Urls = [$"http://127.0.0.1:{FreePort()}"],
            StartAdminInterface = false,
            ReadStaticMappings = false,
            Logger = new WireMockNullLogger(),
            // WireMock's own log is for debugging; the fakes' journals are what tests read.
            MaxRequestLogCount = 1000,
            PreWireMockMiddlewareInit = gate is null ? null : gate.Install,
        });
        server.Given(Request.Create().WithPath(new WildcardMatcher("/*")).UsingAnyMethod())
            .RespondWith(Response.Create().WithCallback(answer));
        return server;
    }

    /// <summary>A port nothing listens on right now (the OS picks it; the tiny race with other processes is accepted).</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
