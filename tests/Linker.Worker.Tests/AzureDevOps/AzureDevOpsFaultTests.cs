using System.Net;
using OkrLinker.Fakes;

namespace OkrLinker.Worker.Tests.AzureDevOps;

/// <summary>Throttling, faults and refused PATs against the fake Azure DevOps (DESIGN.md §6 traps 6 and 9).</summary>
public sealed class AzureDevOpsFaultTests
{
    [Fact]
    public async Task A_sync_through_every_fault_kind_converges_with_nothing_missed_or_duplicated_and_waits_out_the_throttling()
    {
        var data = FakeAzureDevOpsData.Generate(46, [new("Shop", 1000, FakeAdoProcess.Agile), new("Mobile", 600, FakeAdoProcess.Custom)]);
        // One request in flight: how many requests a throttled answer holds back depends on how many are already sent
        // when it arrives, and the count of rate-limit waits below is that of a read one request after the other.
        await using var ado = await AzureDevOpsHarness.StartAsync(data, maxConcurrentRequests: 1);
        // Each fault once, on the requests that carry the work: slices, batches and the states reads.
        ado.Fake.Faults.Add("POST */_apis/wit/wiql", FakeFault.TooManyRequests(1));
        ado.Fake.Faults.Add("POST /_apis/wit/workitemsbatch", FakeFault.OkWithRetryAfter(1));
        ado.Fake.Faults.Add("POST /_apis/wit/workitemsbatch", FakeFault.ServiceUnavailable(1));
        ado.Fake.Faults.Add("POST /_apis/wit/workitemsbatch", FakeAzureDevOps.OkWithRateLimitDelay(TimeSpan.FromMilliseconds(500)));
        ado.Fake.Faults.Add("POST /_apis/wit/workitemsbatch", FakeFault.DropConnection());
        ado.Fake.Faults.Add("POST /_apis/wit/workitemsbatch", FakeFault.TruncatedBody());
        ado.Fake.Faults.Add("POST /_apis/wit/workitemsbatch", FakeFault.Slow(TimeSpan.FromMilliseconds(300)));
        ado.Fake.Faults.Add("GET */_apis/wit/workitemtypes/*/states", FakeFault.DropConnection());
        ado.Fake.Faults.Add("POST */_apis/wit/wiql", FakeFault.TruncatedBody());

        var run = await ado.SyncAsync();

        Assert.True(run.ExitCode == 0, run.Out + run.Error + string.Join("\n", ado.Fake.Journal.All.Select(r => $"{r.Kind} {r.Status} {r.Fault}")));
        Assert.Equal(0, ado.Fake.Faults.Pending);
        Assert.Equal(ado.Expected(), await ado.StoredAsync());
        var faulted = ado.Fake.Journal.All.Where(r => r.Fault is not null).ToList();
        Assert.Equal(9, faulted.Count);
        Assert.Equal(6, faulted.Select(r => r.Fault).Distinct().Count());
        // The 429 and the two throttled 200s (Retry-After, X-RateLimit-Delay) each held the client back once.
        Assert.Matches(@"ado +1600 read +1600 new .*\(\d+ requests, \d+ retries, 3 rate-limit waits\)", run.Out);
    }

    [Theory]
    [InlineData(HttpStatusCode.Unauthorized, "401 Unauthorized")]
    [InlineData(HttpStatusCode.NonAuthoritativeInformation, "203 Non-Authoritative Information (a sign-in page)")]
    public async Task A_refused_pat_fails_the_source_at_once_with_one_request_and_a_message_naming_the_variable(HttpStatusCode answer, string said)
    {
        var data = FakeAzureDevOpsData.Generate(47, [new("Shop", 50, FakeAdoProcess.Agile), new("Mobile", 50, FakeAdoProcess.Agile)]);
        await using var ado = await AzureDevOpsHarness.StartAsync(data, new FakeAzureDevOpsOptions { BadTokenAnswer = answer }, token: "not-the-pat");

        var run = await ado.SyncAsync();

        Assert.Equal(1, run.ExitCode);
        Assert.Contains($"Source 'ado': Azure DevOps answered {said} — check the token in {ado.TokenVariable}.", run.Out, StringComparison.Ordinal);
        Assert.Equal(1, ado.Fake.Journal.Count);
        Assert.DoesNotContain("not-the-pat", run.Out + run.Error, StringComparison.Ordinal);
    }
}
