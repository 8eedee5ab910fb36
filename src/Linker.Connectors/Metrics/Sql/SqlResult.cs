using System.Data.Common;
using System.Globalization;

namespace OkrLinker.Connectors.Metrics.Sql;

/// <summary>
/// What a sql query returned: one number (one row, one column), or rows of (timestamp, value). A timestamp is a
/// date/time column (UTC when it carries no offset), ISO 8601 text, or seconds since the epoch; a value is any number,
/// or text that reads as one. A NULL value in a row means no value that day and drops the row.
/// </summary>
internal abstract record SqlResult
{
    /// <exception cref="InvalidDataException">The shape or a value is not what a metric needs; the message says which.</exception>
    public static async Task<SqlResult> ReadAsync(DbDataReader reader, CancellationToken cancellationToken)
    {
        switch (reader.FieldCount)
        {
            case 1:
                var values = new List<object>();
                while (await reader.ReadAsync(cancellationToken))
                {
                    values.Add(reader.GetValue(0));
                }

                return values.Count switch
                {
                    0 => throw new InvalidDataException("the query returned no row; return one number, or rows of (timestamp, value)"),
                    1 => new Scalar(Number(values[0], "the value") ?? throw new InvalidDataException("the query returned NULL, not a number")),
                    _ => throw new InvalidDataException($"the query returned {values.Count} rows of one column; return one number, or rows of (timestamp, value)"),
                };
            case 2:
                var rows = new List<(DateTimeOffset, double)>();
                for (var row = 1; await reader.ReadAsync(cancellationToken); row++)
                {
                    var at = Timestamp(reader.GetValue(0), row);
                    if (Number(reader.GetValue(1), $"row {row}'s value") is { } value)
                    {
                        rows.Add((at, value));
                    }
                }

                return new Rows(rows);
            default:
                throw new InvalidDataException($"the query returned {reader.FieldCount} columns; return one number, or rows of (timestamp, value)");
        }
    }

    private static double? Number(object value, string what)
    {
        var number = value switch
        {
            DBNull => (double?)null,
            double d => d,
            float f => f,
            decimal m => (double)m,
            long or int or short or byte => Convert.ToDouble(value, CultureInfo.InvariantCulture),
            string s when double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed) => parsed,
            _ => throw new InvalidDataException($"{what}, '{value}', is not a number"),
        };
        return number is { } n && !double.IsFinite(n) ? throw new InvalidDataException($"{what}, {n.ToString(CultureInfo.InvariantCulture)}, is not a number") : number;
    }

    private static DateTimeOffset Timestamp(object value, int row) => value switch
    {
        DateTimeOffset at => at.ToUniversalTime(),
        DateTime at => new DateTimeOffset(DateTime.SpecifyKind(at.Kind == DateTimeKind.Local ? at.ToUniversalTime() : at, DateTimeKind.Utc)),
        DateOnly day => new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero),
        long or int => DateTimeOffset.FromUnixTimeSeconds(Convert.ToInt64(value, CultureInfo.InvariantCulture)),
        double seconds => DateTimeOffset.FromUnixTimeMilliseconds((long)Math.Round(seconds * 1000)),
        string text when DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var at) => at,
        _ => throw new InvalidDataException($"row {row}'s timestamp, '{value}', is not a date and time"),
    };

    /// <summary>One number: the metric's value now.</summary>
    public sealed record Scalar(double Value) : SqlResult;

    /// <summary>A series.</summary>
    public sealed record Rows(IReadOnlyList<(DateTimeOffset At, double Value)> Points) : SqlResult;
}
