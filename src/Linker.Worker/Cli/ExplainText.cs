using System.Globalization;
using OkrLinker.Core.Items;
using OkrLinker.Core.Linking;

namespace OkrLinker.Worker.Cli;

/// <summary>The <c>explain</c> verb's answer for one item: what it is, then the linker's reasons, one sentence a line.</summary>
internal static class ExplainText
{
    public static async Task WriteAsync(LinkedItem linked, TextWriter output)
    {
        var item = linked.Item;
        await output.WriteLineAsync($"{item.Key} — {item.Title} ({item.Source}, team {item.Team}, {Kind(item)}{item.State})");
        foreach (var line in linked.Explanation?.Why ?? [])
        {
            await output.WriteLineAsync($"  {line}");
        }

        if (item.GoneAt is { } gone)
        {
            await output.WriteLineAsync(
                $"  The tracker no longer returns {item.Key} (since {gone.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}), so no week counts it.");
        }
        else if (item.Category == StateCategory.Removed)
        {
            await output.WriteLineAsync($"  Its state {item.State} means Removed, so no week counts it.");
        }
    }

    private static string Kind(WorkItem item) => string.IsNullOrWhiteSpace(item.Type) ? "" : $"{item.Type}, ";
}
