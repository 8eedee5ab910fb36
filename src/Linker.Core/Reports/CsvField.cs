using System.Buffers;
using System.Runtime.CompilerServices;
using System.Text;

namespace OkrLinker.Core.Reports;

/// <summary>One CSV cell: RFC 4180 quoting, and a guard for text that a spreadsheet would run as a formula.</summary>
public static class CsvField
{
    /// <summary>What makes a cell quoted: a comma, a quote, CR or LF.</summary>
    internal static readonly SearchValues<char> Special = SearchValues.Create(",\"\r\n");

    /// <summary>Tracker text: guarded against formulas, then quoted.</summary>
    public static string Text(string? value) => Quote(Guard(value ?? ""));

    /// <summary>Text the linker wrote itself (numbers, section names): quoted only.</summary>
    public static string Own(string value) => Quote(value);

    public static string Guard(string value) =>
        value.Length > 0 && IsFormulaStart(value[0]) ? "'" + value : value;

    /// <summary>Quotes when the value holds a comma, a quote, CR or LF; quotes inside are doubled.</summary>
    public static string Quote(string value) =>
        NeedsQuotes(value)
            ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\""
            : value;

    /// <summary>
    /// Appends <see cref="Text"/> of <paramref name="value"/> to <paramref name="csv"/> without a string of it: the CSV
    /// renderer writes six cells for each of 220,000 unlinked items at a million. Fully optimized from its first call:
    /// the report runs once in a short process, where first-tier code wrote most of the cells.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal static void AppendText(StringBuilder csv, string? value)
    {
        var text = value.AsSpan();
        var quoted = NeedsQuotes(text);
        if (quoted)
        {
            csv.Append('"');
        }

        if (text.Length > 0 && IsFormulaStart(text[0]))
        {
            csv.Append('\'');
        }

        if (!quoted)
        {
            csv.Append(text);
            return;
        }

        for (var quote = text.IndexOf('"'); quote >= 0; quote = text.IndexOf('"'))
        {
            csv.Append(text[..(quote + 1)]).Append('"');
            text = text[(quote + 1)..];
        }

        csv.Append(text).Append('"');
    }

    // OWASP's list: a cell opening with one of these is read as a formula (or a DDE call) by Excel,
    // LibreOffice and Sheets. A leading apostrophe makes it text and is not shown in the cell.
    internal static bool IsFormulaStart(char c) => c is '=' or '+' or '-' or '@' or '\t' or '\r';

    // A plain loop: cells are a few characters, and a vectorized search was first-tier generic code in the profile.
    private static bool NeedsQuotes(ReadOnlySpan<char> text)
    {
        foreach (var c in text)
        {
            if (c is ',' or '"' or '\r' or '\n')
            {
                return true;
            }
        }

        return false;
    }
}
