using OkrLinker.Core.Configuration;
using OkrLinker.Worker.Delivery;
using OkrLinker.Worker.Tests.Delivery.Support;

namespace OkrLinker.Worker.Tests.Delivery.Files;

public sealed class FilesDeliveryTests
{
    [Fact]
    public async Task Files_go_to_the_entry_folder_relative_to_the_config_in_the_entry_formats()
    {
        using var host = DeliveryHost.Create([new DeliveryOptions { Kind = "files", Formats = ["md"], Folder = "shared/reports" }]);

        var results = await host.Runner.DeliverAsync(DeliverySamples.Report(), CancellationToken.None);

        Assert.Equal([new DeliveryResult(0, "files", true, 1, null)], results);
        var folder = Path.Combine(host.ConfigFolder, "shared", "reports");
        Assert.Equal(["report-2026-W47.md"], Directory.GetFiles(folder).Select(Path.GetFileName));
        Assert.StartsWith("# OKR line-of-sight — 2026-W47\n", await File.ReadAllTextAsync(Path.Combine(folder, "report-2026-W47.md")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_formats_or_folder_the_report_settings_apply()
    {
        // Report.Output defaults to ../out and Report.Formats to md and json.
        using var host = DeliveryHost.Create([new DeliveryOptions { Kind = "files" }]);

        var results = await host.Runner.DeliverAsync(DeliverySamples.Report(), CancellationToken.None);

        Assert.Equal([new DeliveryResult(0, "files", true, 1, null)], results);
        Assert.Equal(
            ["report-2026-W47.json", "report-2026-W47.md"],
            Directory.GetFiles(Path.Combine(host.Root, "out")).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task An_unknown_format_fails_at_once_naming_the_formats_key()
    {
        using var host = DeliveryHost.Create([new DeliveryOptions { Kind = "files", Formats = ["md", "pdf"], Folder = "r" }]);

        var results = await host.Runner.DeliverAsync(DeliverySamples.Report(), CancellationToken.None);

        Assert.Equal([new DeliveryResult(0, "files", false, 1, "Report:Deliver:0:Formats (files): no renderer for 'pdf' (known: md, json, csv)")], results);
        Assert.False(Directory.Exists(Path.Combine(host.ConfigFolder, "r")));
    }
}
