namespace OkrLinker.Core.Reports;

/// <summary>One CSV cell: RFC 4180 quoting, and a guard for text that a spreadsheet would run as a formula.</summary>
public static class CsvField
{
    // OWASP's list: a cell opening with one of these is read as a formula (or a DDE call) by Excel,
    // LibreOffice and Sheets. A leading apostrophe makes it text and is not shown in the cell.
    private static readonly char[] FormulaStarts = ['=', '+', '-', '@', '\t', '\r'];

    /// <summary>Tracker text: guarded against formulas, then quoted.</summary>
    public static string Text(string? value) => Quote(Guard(value ?? ""));

    /// <summary>Text the linker wrote itself (numbers, section names): quoted only.</summary>
    public static string Own(string value) => Quote(value);

    public static string Guard(string value) =>
        value.Length > 0 && FormulaStarts.Contains(value[0]) ? "'" + value : value;

    /// <summary>Quotes when the value holds a comma, a quote, CR or LF; quotes inside are doubled.</summary>
    public static string Quote(string value) =>
        value.IndexOfAny([',', '"', '\r', '\n']) >= 0
            ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\""
            : value;
}
