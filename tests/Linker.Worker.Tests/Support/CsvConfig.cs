namespace OkrLinker.Worker.Tests.Support;

/// <summary>linker.json texts around the plain CSV files source, small enough to read in a test.</summary>
public static class CsvConfig
{
    public const string Header = "key,title,type,state,team,labels,parent,points,created,resolved";

    public static string Json(string sources = """[{ "Name": "csv", "Kind": "files", "Format": "csv", "Path": "samples/csv" }]""", string extra = "") => $$"""
        {
          "Okrs": { "Path": "okrs.yaml" },
          "Store": { "Provider": "Sqlite", "ConnectionString": "Data Source=../data/okrlinker.db" },
          "Sources": {{sources}},
          "Linking": { "Bau": [ { "Field": "type", "Equals": "Bug" } ] },
          "Report": { "Week": "2026-W47", "TimeZone": "UTC", "Output": "../out", "Formats": ["md", "json"] }{{extra}}
        }
        """;
}
