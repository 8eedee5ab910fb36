using System.Globalization;

namespace OkrLinker.Connectors.Metrics.Csv;

/// <summary>
/// Reads one series file: lines of <c>timestamp,value</c>, an optional header line first, blank lines skipped.
/// A timestamp is ISO 8601 (<c>2026-10-01</c>, <c>2026-10-01T06:00:00Z</c>); one without an offset is UTC.
/// </summary>
internal static class CsvSeries
{
    private const DateTimeStyles Utc = DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal;

    /// <summary>The rows, oldest first.</summary>
    /// <exception cref="FormatException">A line is not <c>timestamp,value</c>; the message names the line, never the file.</exception>
    public static IReadOnlyList<(DateTimeOffset At, double Value)> Parse(IReadOnlyList<string> lines)
    {
        var rows = new List<(DateTimeOffset At, double Value)>();
        var lineOf = new Dictionary<DateTimeOffset, int>();
        for (var i = 0; i < lines.Count; i++)
        {
            var line = lines[i].Trim();
            if (line.Length == 0)
            {
                continue;
            }

            var number = i + 1;
            var fields = line.Split(',');
            var time = fields[0].Trim().Trim('"');
            var parsedTime = DateTimeOffset.TryParse(time, CultureInfo.InvariantCulture, Utc, out var at);
            if (!parsedTime && IsFirstContent(lines, i))
            {
                // A header: whatever its names, it is the first line and holds no timestamp.
                continue;
            }

            if (fields.Length != 2)
            {
                throw new FormatException($"line {number}: expected timestamp,value, got {fields.Length} field(s)");
            }

            if (!parsedTime)
            {
                throw new FormatException($"line {number}: '{time}' is not a timestamp (ISO 8601, e.g. 2026-10-01 or 2026-10-01T06:00:00Z)");
            }

            var text = fields[1].Trim().Trim('"');
            if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || !double.IsFinite(value))
            {
                throw new FormatException($"line {number}: '{text}' is not a number");
            }

            if (lineOf.TryGetValue(at, out var first))
            {
                throw new FormatException($"line {number}: {time} is already on line {first}");
            }

            lineOf[at] = number;
            rows.Add((at, value));
        }

        return [.. rows.OrderBy(r => r.At)];
    }

    private static bool IsFirstContent(IReadOnlyList<string> lines, int index)
    {
        for (var i = 0; i < index; i++)
        {
            if (lines[i].Trim().Length > 0)
            {
                return false;
            }
        }

        return true;
    }
}
