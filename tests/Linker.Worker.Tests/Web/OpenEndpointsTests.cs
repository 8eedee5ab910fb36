using System.Net;
using OkrLinker.Worker.Tests.Support;

namespace OkrLinker.Worker.Tests.Web;

/// <summary>Without Web:ApiKey nothing asks for a key.</summary>
public sealed class OpenEndpointsTests
{
    [Fact]
    public async Task Without_an_api_key_configured_every_endpoint_answers_without_one()
    {
        var config = new TempConfig().WithOkrs(TempConfig.GoodOkrs);
        await using var web = await WebHarness.StartAsync(config, new WebSettings());
        await web.StoreAsync(StoredReports.Row(StoredReports.Week47()));

        foreach (var path in new[] { "/healthz", "/readyz", "/metrics", "/api/report/latest", "/api/report/2026-W47" })
        {
            using var response = await web.Client.GetAsync(new Uri(path, UriKind.Relative));
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{path}: {response.StatusCode}");
        }
    }
}
