using OkrLinker.Bench;

namespace OkrLinker.Worker.Tests.Bench;

public sealed class LargePagesTests
{
    private const long Megabyte = 1024 * 1024;

    [Fact]
    public void The_steps_get_the_hard_limit_and_region_range_in_hexadecimal_with_large_pages_on()
    {
        var environment = new LargePages(768 * Megabyte).Environment;

        Assert.Equal("1", environment["DOTNET_GCLargePages"]);
        Assert.Equal("30000000", environment["DOTNET_GCHeapHardLimit"]);
        Assert.Equal("30000000", environment["DOTNET_GCRegionRange"]);
        Assert.Equal(3, environment.Count);
    }

    [Fact]
    public void A_heap_that_is_no_whole_number_of_huge_pages_reserves_the_page_it_starts()
    {
        Assert.Equal(384, new LargePages(768 * Megabyte).Pages);
        Assert.Equal(385, new LargePages((768 * Megabyte) + 1).Pages);
    }

    [Fact]
    public void Too_few_free_huge_pages_fail_before_any_step_and_say_which_sysctl_to_set()
    {
        const string Meminfo = "MemTotal:       24683520 kB\nHugePages_Total:     300\nHugePages_Free:      300\nHugePages_Rsvd:        0\nHugepagesize:       2048 kB\n";

        var error = Assert.Throws<InvalidOperationException>(() => new LargePages(768 * Megabyte).EnsureAvailable(Meminfo));

        Assert.Equal("--large-pages 768 needs 384 free huge pages of 2 MB, the kernel has 300: as root, `sysctl vm.nr_hugepages=384` (or more)", error.Message);
    }

    [Fact]
    public void Exactly_as_many_free_huge_pages_as_the_heap_reserves_are_enough()
    {
        const string Meminfo = "HugePages_Total:     384\nHugePages_Free:      384\n";

        Assert.Null(Record.Exception(() => new LargePages(768 * Megabyte).EnsureAvailable(Meminfo)));
    }
}
