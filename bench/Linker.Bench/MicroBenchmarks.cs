using BenchmarkDotNet.Attributes;
using OkrLinker.Core.Configuration;
using OkrLinker.Core.Items;
using OkrLinker.Core.Linking;
using OkrLinker.Core.Okrs;

namespace OkrLinker.Bench;

/// <summary>
/// BenchmarkDotNet figures of the hot paths of a large sync and report (<c>micro</c> scenario, with
/// <see cref="PageCommitBenchmarks"/>): parsing a page of CSV rows and linking. The items are
/// <see cref="BenchItems"/>' seeded backlog.
/// </summary>
[MemoryDiagnoser]
public class MicroBenchmarks
{
    private const int LinkItems = 100_000;

    private byte[] csvPage = [];
    private IReadOnlyList<WorkItem> linkItems = [];
    private WorkItemLinker linker = null!;

    [GlobalSetup]
    public void Setup()
    {
        csvPage = BenchItems.CsvBytes(BenchItems.PageSize, seed: 47);
        linkItems = BenchItems.Parse(BenchItems.CsvBytes(LinkItems, seed: 47));
        var okrs = OkrLoader.Parse(BenchItems.Okrs, "okrs.yaml");
        linker = new WorkItemLinker(new LinkingOptions { Bau = [new RuleOptions { Field = "type", EqualsValue = "Bug" }] }, okrs);
    }

    /// <summary>10,000 CSV rows into work items (one page of the files source).</summary>
    [Benchmark]
    public int ParseCsvPage() => BenchItems.Parse(csvPage).Count;

    /// <summary>100,000 items with hierarchy, tags and a BAU rule through the linker.</summary>
    [Benchmark]
    public int Link() => linker.Link(linkItems).Items.Count;
}
