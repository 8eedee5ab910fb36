using System.Globalization;
using System.Text.RegularExpressions;

namespace OkrLinker.Connectors.Parsing;

/// <summary>
/// Parses the timestamps trackers write: ISO 8601 with <c>Z</c>, <c>+01:00</c>, or Jira's
/// <c>+0000</c> / <c>-0800</c> without a colon, which .NET does not read on its own. A time
/// without an offset is taken as UTC. The result is always in UTC.
/// </summary>
internal static partial class TrackerDates
{
    public static DateTimeOffset? Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var normal = OffsetWithoutColon().Replace(text.Trim(), "$1:$2");
        return DateTimeOffset.TryParse(
            normal,
            CultureInfo.InvariantCulture,
            DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal,
            out var parsed)
            ? parsed.ToUniversalTime()
            : null;
    }

    // Only after a clock time, so a date like 2026-10-05 is never mistaken for an offset.
    [GeneratedRegex(@"(?<=\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?)([+-]\d{2})(\d{2})$", RegexOptions.CultureInvariant)]
    private static partial Regex OffsetWithoutColon();
}
