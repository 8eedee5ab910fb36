using System.Globalization;
using OkrLinker.Connectors.Parsing;

namespace OkrLinker.Connectors.Files;

/// <summary>One CSV record with its columns by name, and errors that name the file, line and column.</summary>
internal sealed class CsvItemRow(IReadOnlyList<string> record, IReadOnlyDictionary<string, int> columns, string fileName, long line)
{
    public string? Optional(string column) =>
        columns.TryGetValue(column, out var index) && index < record.Count && !string.IsNullOrWhiteSpace(record[index])
            ? record[index].Trim()
            : null;

    public string Required(string column) => Optional(column) ?? throw Error(column, "a value is required");

    public IReadOnlyList<string> List(string column) => JsonRead.Distinct((Optional(column) ?? "").Split(';'));

    public DateTimeOffset? Time(string column) => Optional(column) is { } text
        ? TrackerDates.Parse(text) ?? throw Error(column, $"'{text}' is not an ISO 8601 timestamp")
        : null;

    public double? Number(string column) => Optional(column) is { } text
        ? double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number)
            ? number
            : throw Error(column, $"'{text}' is not a number")
        : null;

    public FormatException Error(string column, string problem) =>
        new($"{fileName}, line {line}, column '{column}': {problem}.");
}
