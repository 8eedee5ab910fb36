using System.Globalization;

namespace OkrLinker.Core.Figures;

/// <summary>An ISO 8601 week, written <c>2026-W47</c>.</summary>
public readonly record struct IsoWeek(int Year, int Week) : IComparable<IsoWeek>
{
    public static IsoWeek Parse(string text)
    {
        if (!TryParse(text, out var week))
        {
            throw new FormatException($"'{text}' is not an ISO week such as 2026-W47.");
        }

        return week;
    }

    public static bool TryParse(string? text, out IsoWeek week)
    {
        week = default;
        var parts = text?.Trim().Split("-W", StringSplitOptions.None);
        if (parts is not { Length: 2 }
            || !int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var year)
            || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var number)
            || year is < 1 or > 9998 || number < 1 || number > ISOWeek.GetWeeksInYear(year))
        {
            return false;
        }

        week = new IsoWeek(year, number);
        return true;
    }

    /// <summary>The week that holds <paramref name="instant"/> as seen in <paramref name="zone"/>.</summary>
    public static IsoWeek Containing(DateTimeOffset instant, TimeZoneInfo zone)
    {
        var local = TimeZoneInfo.ConvertTime(instant, zone).DateTime;
        return new IsoWeek(ISOWeek.GetYear(local), ISOWeek.GetWeekOfYear(local));
    }

    /// <summary>Monday of this week.</summary>
    public DateOnly Monday => DateOnly.FromDateTime(ISOWeek.ToDateTime(Year, Week, DayOfWeek.Monday));

    /// <summary>Monday 00:00 to the next Monday 00:00 in <paramref name="zone"/>, as instants.</summary>
    public (DateTimeOffset From, DateTimeOffset To) Bounds(TimeZoneInfo zone) =>
        (LocalDay.Start(Monday, zone), LocalDay.Start(Monday.AddDays(7), zone));

    public IsoWeek AddWeeks(int weeks)
    {
        var monday = Monday.AddDays(7 * weeks).ToDateTime(TimeOnly.MinValue);
        return new IsoWeek(ISOWeek.GetYear(monday), ISOWeek.GetWeekOfYear(monday));
    }

    public int CompareTo(IsoWeek other) => (Year, Week).CompareTo((other.Year, other.Week));

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Year:D4}-W{Week:D2}");

    public static bool operator <(IsoWeek left, IsoWeek right) => left.CompareTo(right) < 0;

    public static bool operator >(IsoWeek left, IsoWeek right) => left.CompareTo(right) > 0;

    public static bool operator <=(IsoWeek left, IsoWeek right) => left.CompareTo(right) <= 0;

    public static bool operator >=(IsoWeek left, IsoWeek right) => left.CompareTo(right) >= 0;
}
