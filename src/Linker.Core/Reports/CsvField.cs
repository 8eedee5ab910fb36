using System.Buffers;
using System.Text;

namespace OkrLinker.Core.Reports;

/// <summary>One CSV cell: RFC 4180 quoting, and a guard for text that a spreadsheet would run as a formula.</summary>
public static class CsvField
{
    // OWASP's list: a cell opening with one of these is read as a formula (or a DDE call) by Excel,
    // LibreOffice and Sheets. A leading apostrophe makes it text and is not shown in the cell.
    private static readonly SearchValues<char> FormulaStarts = SearchValues.Create("=+-@\t\r");

    // A cell holding one of these is quoted.
    private static readonly SearchValues<char> Quoted = SearchValues.Create(",\"\r\n");

    /// <summary>Tracker text: guarded against formulas, then quoted.</summary>
    public static string Text(string? value) => Quote(Guard(value ?? ""));

    /// <summary>Text the linker wrote itself (numbers, section names): quoted only.</summary>
    public static string Own(string value) => Quote(value);

    public static string Guard(string value) =>
        value.Length > 0 && FormulaStarts.Contains(value[0]) ? "'" + value : value;

    /// <summary>Quotes when the value holds a comma, a quote, CR or LF; quotes inside are doubled.</summary>
    public static string Quote(string value) =>
        value.AsSpan().ContainsAny(Quoted)
            ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\""
            : value;

    /// <summary>
    /// Appends <see cref="Text"/> of <paramref name="value"/> to <paramref name="csv"/> without a string of it: the CSV
    /// renderer writes six cells for each of 220,000 unlinked items at a million.
    /// </summary>
    internal static void AppendText(StringBuilder csv, string? value)
    {
        var text = value.AsSpan();
        var guarded = text.Length > 0 && FormulaStarts.Contains(text[0]);
        if (!text.ContainsAny(Quoted))
        {
            (guarded ? csv.Append('\'') : csv).Append(text);
            return;
        }

        csv.Append('"');
        if (guarded)
        {
            csv.Append('\'');
        }

        for (var quote = text.IndexOf('"'); quote >= 0; quote = text.IndexOf('"'))
        {
            csv.Append(text[..(quote + 1)]).Append('"');
            text = text[(quote + 1)..];
        }

        csv.Append(text).Append('"');
    }
}
