using System.Text;
using OkrLinker.Core.Reports;

namespace OkrLinker.Core.Tests.Reports;

public sealed class CsvReportRendererTests
{
    [Fact]
    public async Task Writes_the_totals_the_teams_the_key_results_and_the_unlinked_items_in_one_table()
    {
        var bytes = await RenderAsync(ReportSamples.Report());

        Assert.Equal([0xEF, 0xBB, 0xBF], bytes.Take(3));
        Assert.Equal(
            "section,team,key,title,type,state,points,url,items,linked,bau,unlinked,unlinked_share,points_unlinked_share,objective,baseline,current,target,unit,progress,expected,status,baseline_source,flags\r\n"
            + "total,,,,,,10,,4,2,1,1,0.25,0.3,,,,,,,,,,\r\n"
            + "team,payments,,,,,10,,4,2,1,1,0.25,0.3,,,,,,,,,,\r\n"
            + "kr,payments,O1-KR1,Raise activation from 35% to 50%,,,5,,2,,,,,,O1,35,41,50,%,0.4,0.5761,at-risk,okrs.yaml,\r\n"
            + "kr,,O1-KR2,Cut time to value from 9 to 4 min,,,0,,0,,,,,,O1,,,4,min,,0.5761,,,no-work; no-baseline; stale-metric\r\n"
            + "kr,web,O1-KR3,Cut lead time from 4 to 1 days,,,3,,1,,,,,,O1,4.2,2.4,1,days,0.5625,0.5761,on-track,sheets: lead-time.csv @ 2026-10-01T00:00:00Z,\r\n"
            + "unlinked,payments,PAY-2,Refactor the card vault,Story,In Progress,3,https://acme.atlassian.net/browse/PAY-2,,,,,,,,,,,,,,,,\r\n",
            Encoding.UTF8.GetString(bytes.AsSpan(3)));
    }

    [Fact]
    public async Task Quotes_commas_quotes_and_line_breaks()
    {
        var text = await RenderTextAsync(ReportSamples.Report("Say \"hi\", then\r\nleave"));

        Assert.Contains("unlinked,payments,PAY-2,\"Say \"\"hi\"\", then\r\nleave\",Story,", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_title_that_is_a_formula_stays_text()
    {
        var text = await RenderTextAsync(ReportSamples.Report("=HYPERLINK(\"https://evil.example\",\"x\")"));

        Assert.Contains(",PAY-2,\"'=HYPERLINK(\"\"https://evil.example\"\",\"\"x\"\")\",Story,", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("=1+1", "'=1+1")]
    [InlineData("+1", "'+1")]
    [InlineData("-2", "'-2")]
    [InlineData("@SUM(A1)", "'@SUM(A1)")]
    [InlineData("\tcmd", "'\tcmd")]
    [InlineData("\r=x", "\"'\r=x\"")]
    [InlineData("a=b", "a=b")]
    [InlineData("", "")]
    [InlineData("plain", "plain")]
    [InlineData("a,b", "\"a,b\"")]
    [InlineData("-1,5", "\"'-1,5\"")]
    public void Tracker_text_is_guarded_then_quoted(string value, string cell) =>
        Assert.Equal(cell, CsvField.Text(value));

    [Theory]
    [InlineData("=1+1", "'=1+1")]
    [InlineData("\r=x", "\"'\r=x\"")]
    [InlineData("", "")]
    [InlineData(null, "")]
    [InlineData("a,b", "\"a,b\"")]
    [InlineData("-1,5", "\"'-1,5\"")]
    [InlineData("say \"hi\", twice: \"hi\"", "\"say \"\"hi\"\", twice: \"\"hi\"\"\"")]
    [InlineData("\"", "\"\"\"\"")]
    [InlineData("line\nbreak", "\"line\nbreak\"")]
    public void A_cell_appended_in_place_is_the_same_text(string? value, string cell)
    {
        var csv = new System.Text.StringBuilder("x,");
        CsvField.AppendText(csv, value);

        Assert.Equal("x," + cell, csv.ToString());
        Assert.Equal(cell, CsvField.Text(value));
    }

    [Fact]
    public async Task Guards_every_tracker_column()
    {
        var sample = ReportSamples.Report();
        var report = sample with
        {
            Teams = [sample.Teams[0] with { Team = "@team" }],
            UnlinkedItems = [new UnlinkedItem("jira", "-K", "+t", "=u", "@team", "=type", "-state", null)],
        };

        var text = await RenderTextAsync(report);

        Assert.Contains("team,'@team,,,,,10,", text, StringComparison.Ordinal);
        Assert.Contains("unlinked,'@team,'-K,'+t,'=type,'-state,,'=u,,,,,,,,,,,,,,,,\r\n", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Every_character_of_an_unlinked_row_is_guarded_and_quoted_as_CsvField_does()
    {
        // Each ASCII character alone and inside plain text, and text beyond ASCII, in every text cell of a row.
        var texts = Enumerable.Range(0, 128).Select(c => ((char)c).ToString())
            .Concat(Enumerable.Range(0, 128).Select(c => "a" + (char)c + "b"))
            .Concat(["Zürich café", "emoji 😀", "lone \ud800 high", "-1,5", ""])
            .ToList();
        var items = texts.Select((t, k) => new UnlinkedItem("jira", t, "title " + t, t, t, t, t, k % 3 == 0 ? null : k / 8.0)).ToList();

        var bytes = await RenderAsync(ReportSamples.Report() with { UnlinkedItems = items });

        var rows = string.Concat(items.Select(i =>
            $"unlinked,{CsvField.Text(i.Team)},{CsvField.Text(i.Key)},{CsvField.Text(i.Title)},{CsvField.Text(i.Type)},{CsvField.Text(i.State)},"
            + $"{(i.Points is { } p ? p.ToString(System.Globalization.CultureInfo.InvariantCulture) : "")},{CsvField.Text(i.Url)},,,,,,,,,,,,,,,,\r\n"));
        // As the file's UTF-8 writer encodes the text (a lone surrogate as U+FFFD); the rows end the file.
        var expected = new UTF8Encoding(false).GetBytes(rows);
        Assert.True(bytes.AsSpan().EndsWith(expected), "the unlinked rows differ");
    }

    private static async Task<byte[]> RenderAsync(WeeklyReport report)
    {
        using var stream = new MemoryStream();
        await new CsvReportRenderer().RenderAsync(report, stream, CancellationToken.None);
        return stream.ToArray();
    }

    private static async Task<string> RenderTextAsync(WeeklyReport report) =>
        Encoding.UTF8.GetString((await RenderAsync(report)).AsSpan(3));
}
