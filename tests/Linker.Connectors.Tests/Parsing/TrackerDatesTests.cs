using OkrLinker.Connectors.Parsing;
using static OkrLinker.Connectors.Tests.Support.Sources;

namespace OkrLinker.Connectors.Tests.Parsing;

public sealed class TrackerDatesTests
{
    [Fact]
    public void Jira_offset_without_colon_is_read()
    {
        // 14:19:13 at -08:00 is 22:19:13 UTC.
        Assert.Equal(Utc(2015, 12, 7, 22, 19, 13), TrackerDates.Parse("2015-12-07T14:19:13.000-0800"));
        Assert.Equal(Utc(2023, 6, 24, 19, 24, 50), TrackerDates.Parse("2023-06-24T19:24:50.000+0000"));
        // 11:04 at +10:00 is 01:04 UTC.
        Assert.Equal(Utc(2015, 4, 20, 1, 4), TrackerDates.Parse("2015-04-20T11:04:00.000+1000"));
    }

    [Fact]
    public void Iso_offsets_and_zulu_are_read_as_utc()
    {
        Assert.Equal(Utc(2014, 12, 29, 20, 49, 20, 770), TrackerDates.Parse("2014-12-29T20:49:20.77Z"));
        // 12:00 at +05:30 is 06:30 UTC.
        Assert.Equal(Utc(2026, 10, 5, 6, 30), TrackerDates.Parse("2026-10-05T12:00:00+05:30"));
        Assert.Equal(TimeSpan.Zero, TrackerDates.Parse("2026-10-05T12:00:00+05:30")!.Value.Offset);
    }

    [Fact]
    public void A_time_without_offset_is_utc()
    {
        Assert.Equal(Utc(2026, 10, 5, 9, 15), TrackerDates.Parse("2026-10-05T09:15:00"));
        Assert.Equal(Utc(2026, 10, 5), TrackerDates.Parse("2026-10-05"));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("yesterday")]
    [InlineData("2026-13-45")]
    public void Anything_else_is_no_time(string? text) => Assert.Null(TrackerDates.Parse(text));
}
