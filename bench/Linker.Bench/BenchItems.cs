using System.Globalization;
using System.Text;

namespace OkrLinker.Bench;

/// <summary>
/// A seeded backlog of N items in the CSV format of the files source: epics every 25th row with
/// stories and bugs under them (hierarchy), a third of the epics tagged with a KR (the stories under
/// them inherit it), some stories tagged themselves, bugs as BAU, states spread over the quarter so
/// week 2026-W47 has in-progress, resolved and untouched work.
/// </summary>
internal static class BenchItems
{
    /// <summary>Rows a page of the files source reads a CSV file in (FilesSource.DefaultCsvPageSize).</summary>
    public const int PageSize = 10_000;

    public const string Header = "key,title,type,state,team,labels,parent,points,created,resolved";

    public const string Okrs = """
        period: { name: 2026-Q4, start: 2026-10-01, end: 2026-12-31 }
        objectives:
          - id: O1
            title: New users quickly find value in the product
            keyResults:
              - { id: O1-KR1, title: Raise day-7 activation from 35% to 50%, baseline: 35, target: 50, metric: { provider: tracker, measure: count, where: [ { Label: activated } ], unit: accounts } }
              - { id: O1-KR2, title: Cut time to first value from 9 to 4 minutes, baseline: 9, target: 4, metric: { provider: tracker, measure: points, unit: points } }
          - id: O2
            title: Paying just works
            keyResults:
              - { id: O2-KR1, title: Raise checkout conversion from 62% to 70%, baseline: 62, target: 70, metric: { provider: tracker, measure: count, unit: items } }
          - id: O3
            title: The platform is fast
            keyResults:
              - { id: O3-KR1, title: Cut p95 latency from 900 to 400 ms, baseline: 900, target: 400, metric: { provider: tracker, measure: count, unit: items } }
        """;

    public static string Config(string formats) => $$"""
        {
          "Okrs": { "Path": "okrs.yaml" },
          "Store": { "Provider": "Sqlite", "ConnectionString": "Data Source=../data/okrlinker.db" },
          "Sources": [{ "Name": "csv", "Kind": "files", "Format": "csv", "Path": "export" }],
          "Linking": { "Bau": [ { "Field": "type", "Equals": "Bug" } ] },
          "Report": { "Week": "2026-W47", "TimeZone": "UTC", "Output": "../out", "Formats": [{{formats}}] }
        }
        """;

    private static readonly string[] Teams = ["payments", "growth", "platform", "search", "mobile", "data"];
    private static readonly string[] Krs = ["O1-KR1", "O1-KR2", "O2-KR1", "O3-KR1"];
    private static readonly DateTime QuarterStart = new(2026, 10, 1, 0, 0, 0, DateTimeKind.Utc);
    private static readonly DateTime WeekStart = new(2026, 11, 16, 0, 0, 0, DateTimeKind.Utc);

    /// <summary>Writes <paramref name="count"/> rows to <paramref name="path"/>, the same rows for the same seed.</summary>
    public static void WriteCsv(string path, int count, int seed)
    {
        var rng = new Random(seed);
        using var writer = new StreamWriter(path, append: false, new UTF8Encoding(false), 1 << 16);
        writer.WriteLine(Header);
        var epic = "";
        var row = new StringBuilder(160);
        for (var n = 1; n <= count; n++)
        {
            var key = $"BEN-{n}";
            var team = Teams[(n / 25) % Teams.Length];
            var created = QuarterStart.AddMinutes(rng.Next(0, 45 * 24 * 60));
            string type, labels = "", parent = "";
            if (n % 25 == 1)
            {
                type = "Epic";
                epic = key;
                if (rng.Next(3) == 0)
                {
                    labels = $"kr:{Krs[rng.Next(Krs.Length)]}";
                }
            }
            else
            {
                type = rng.Next(100) < 20 ? "Bug" : "Story";
                parent = epic;
                var tag = rng.Next(100);
                labels = tag < 10 ? $"kr:{Krs[rng.Next(Krs.Length)]};frontend" : tag < 20 ? "activated" : "";
            }

            var (state, resolved) = rng.Next(100) switch
            {
                < 30 => ("To Do", ""),
                < 60 => ("In Progress", ""),
                < 75 => ("Done", Time(WeekStart.AddMinutes(rng.Next(0, 7 * 24 * 60)))),
                _ => ("Done", Time(Earlier(created.AddDays(rng.Next(1, 20)), WeekStart.AddMinutes(-1)))),
            };

            row.Clear()
                .Append(key).Append(",Work item ").Append(n).Append(',').Append(type).Append(',').Append(state).Append(',')
                .Append(team).Append(',').Append(labels).Append(',').Append(parent).Append(',')
                .Append(type == "Epic" ? "" : rng.Next(1, 9).ToString(CultureInfo.InvariantCulture)).Append(',')
                .Append(Time(created)).Append(',').Append(resolved);
            writer.WriteLine(row);
        }
    }

    /// <summary>The CSV of <see cref="WriteCsv"/>, in memory.</summary>
    public static byte[] CsvBytes(int count, int seed)
    {
        var file = Path.Combine(Directory.CreateTempSubdirectory("okrlinker-bench-csv-").FullName, "backlog.csv");
        try
        {
            WriteCsv(file, count, seed);
            return File.ReadAllBytes(file);
        }
        finally
        {
            Directory.Delete(Path.GetDirectoryName(file)!, recursive: true);
        }
    }

    /// <summary>CSV rows into items, as the files source reads them.</summary>
    public static IReadOnlyList<Core.Items.WorkItem> Parse(byte[] csv)
    {
        using var reader = new StreamReader(new MemoryStream(csv));
        return new Connectors.Files.CsvWorkItemParser(new Core.Configuration.SourceOptions { Name = "csv", Kind = "files" }, Core.Sources.TeamResolver.Empty)
            .Parse(reader, "backlog.csv");
    }

    private static DateTime Earlier(DateTime a, DateTime b) => a < b ? a : b;

    private static string Time(DateTime t) => t.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
