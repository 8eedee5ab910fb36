using System.Text;

namespace OkrLinker.Core.Reports;

/// <summary>
/// Hands the page built so far to the file's writer once it holds <see cref="At"/> characters, so the long sections
/// (a row per unlinked item) never hold the whole page in memory.
/// </summary>
internal sealed class HtmlSpill(StringBuilder html, StreamWriter writer)
{
    public const int At = 64 * 1024;

    public void WhenFull()
    {
        if (html.Length >= At)
        {
            // The renderers run on pool threads of their own (ReportWriter), so a plain write blocks none that matter.
            writer.Write(html);
            html.Clear();
        }
    }

    /// <summary>Writes the page so far out to the file and gives the file, for rows written to it as bytes.</summary>
    public Stream Drained()
    {
        writer.Write(html);
        html.Clear();
        writer.Flush();
        return writer.BaseStream;
    }
}
