using System.Net;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using OkrLinker.Connectors.Http;
using OkrLinker.Connectors.Tests.Http.Support;

namespace OkrLinker.Connectors.Tests.Http;

public sealed class ConcurrencyLimitTests
{
    [Fact]
    public async Task One_source_never_has_more_requests_in_flight_than_allowed_however_many_callers_there_are()
    {
        var handler = new SlowHandler(TimeSpan.FromMilliseconds(100));
        var options = TestSource.FastOptions();
        options.MaxConcurrentRequests = 2;
        var factory = new SourceHttpClientFactory(TimeProvider.System, NullLoggerFactory.Instance, new SourceRequestMetrics(), Options.Create(options), () => handler);
        using var client = factory.Create(TestSource.Settings(SourceVendor.GitHub, new Uri("http://127.0.0.1:9/")));

        // Eight scopes of one source asking at once, as a shared cron makes them.
        var calls = Enumerable.Range(0, 8).Select(i => client.GetAsync(new Uri($"repos/o/r{i}/issues", UriKind.Relative)));
        var responses = await Task.WhenAll(calls);

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        Assert.Equal((8, 2), (handler.Calls, handler.MostAtOnce));
    }

    private sealed class SlowHandler(TimeSpan delay) : HttpMessageHandler
    {
        private int running;

        public int Calls;

        public int MostAtOnce;

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var now = Interlocked.Increment(ref running);
            InterlockedMax(ref MostAtOnce, now);
            Interlocked.Increment(ref Calls);
            try
            {
                await Task.Delay(delay, cancellationToken);
                return new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent("[]") };
            }
            finally
            {
                Interlocked.Decrement(ref running);
            }
        }

        private static void InterlockedMax(ref int target, int value)
        {
            int seen;
            while ((seen = Volatile.Read(ref target)) < value && Interlocked.CompareExchange(ref target, value, seen) != seen)
            {
            }
        }
    }
}
