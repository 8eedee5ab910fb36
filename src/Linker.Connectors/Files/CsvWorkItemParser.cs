using CsvHelper;
using OkrLinker.Connectors.Parsing;
using OkrLinker.Core.Configuration;
using OkrLinker.Core.Items;
using OkrLinker.Core.Sources;

namespace OkrLinker.Connectors.Files;

/// <summary>
/// The plain CSV format of the files source (README.md): a header row, then one work item
/// per row; columns are matched case-insensitively in any order. A bad row throws
/// <see cref="FormatException"/> naming the file, the line and the column.
/// </summary>
public sealed class CsvWorkItemParser(SourceOptions source, TeamResolver teams)
{
    private static readonly string[] RequiredColumns = ["key", "title", "state", "created"];

    private static readonly CsvReaderOptions Options = CsvReaderOptions.Default with
    {
        Separator = ',',
        TrimWhitespace = true,
        TrackLineNumbers = true,
        MalformedData = CsvMalformedDataHandling.Throw,
    };

    /// <summary>Every row of <paramref name="reader"/>; <paramref name="fileName"/> is only used in error messages.</summary>
    public IReadOnlyList<WorkItem> Parse(TextReader reader, string fileName) => [.. Read(reader, fileName)];

    /// <summary>
    /// The rows of <paramref name="reader"/> one at a time, so a file of any size is read in constant
    /// memory; a bad row throws when it is reached.
    /// </summary>
    public IEnumerable<WorkItem> Read(TextReader reader, string fileName)
    {
        using var csv = CsvReader.Create(reader, Options, leaveOpen: true);
        var columns = Translated(() => ColumnsOf(csv.Headers), fileName);
        if (columns.Count == 0)
        {
            yield break;
        }

        foreach (var required in RequiredColumns.Where(required => !columns.ContainsKey(required)))
        {
            throw new FormatException(
                $"{fileName}, line 1, column '{required}': the header has no '{required}' column, which is required.");
        }

        while (Translated(csv.Read, fileName))
        {
            var record = new string[csv.FieldCount];
            for (var i = 0; i < record.Length; i++)
            {
                record[i] = csv.GetString(i);
            }

            yield return ToItem(new CsvItemRow(record, columns, fileName, csv.LineNumber));
        }
    }

    // An iterator cannot catch around its yields, so each read of the CSV translates its own errors.
    private static T Translated<T>(Func<T> read, string fileName)
    {
        try
        {
            return read();
        }
        catch (CsvFormatException ex)
        {
            throw new FormatException($"{fileName}, line {ex.LineNumber}: the CSV is malformed: {ex.Message}", ex);
        }
    }

    private WorkItem ToItem(CsvItemRow row)
    {
        var key = row.Required("key");
        var state = row.Required("state");
        var category = row.Optional("category") is { } named
            ? ParseCategory(row, named)
            : StateOverrides.Categorize(source, state, trackerCategory: null);
        var project = row.Optional("project");
        var area = row.Optional("area");
        var (created, updated, resolved) = ItemTimes.Settle(
            row.Time("created") ?? throw row.Error("created", "a value is required"),
            row.Time("updated"),
            row.Time("resolved"),
            category);

        return new WorkItem
        {
            Source = source.Name,
            ExternalId = row.Optional("id") ?? key,
            Key = key,
            Url = row.Optional("url"),
            Title = row.Required("title"),
            Type = row.Optional("type") ?? "",
            State = state,
            Category = category,
            Team = row.Optional("team") ?? TeamOf(project ?? area),
            Project = project,
            Area = area,
            Components = row.List("components"),
            Labels = row.List("labels"),
            KrValues = row.List("kr"),
            ParentKey = row.Optional("parent"),
            StoryPoints = row.Number("points"),
            Created = created,
            Updated = updated,
            Resolved = resolved,
            Body = ItemBody.Cap(row.Optional("body")),
            Branch = row.Optional("branch"),
        };
    }

    private string TeamOf(string? scopeValue) => scopeValue is null ? "" : teams.Resolve(source.Name, scopeValue);

    // Names only ("In Progress" reads as InProgress): Enum.TryParse would also take "2" as a category.
    private static StateCategory ParseCategory(CsvItemRow row, string named)
    {
        var compact = named.Replace(" ", "", StringComparison.Ordinal);
        foreach (var category in Enum.GetValues<StateCategory>())
        {
            if (string.Equals(category.ToString(), compact, StringComparison.OrdinalIgnoreCase))
            {
                return category;
            }
        }

        throw row.Error("category", $"'{named}' is not a category (ToDo, InProgress, Done, Removed)");
    }

    private static Dictionary<string, int> ColumnsOf(IReadOnlyList<string> header)
    {
        var columns = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < header.Count; i++)
        {
            if (!string.IsNullOrWhiteSpace(header[i]))
            {
                columns.TryAdd(header[i].Trim(), i);
            }
        }

        return columns;
    }
}
