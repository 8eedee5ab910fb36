using OkrLinker.Core.Okrs;

namespace OkrLinker.Core.Tests.Okrs;

public sealed class OkrSetLookupTests
{
    private static readonly OkrSet Okrs = OkrLoader.Parse("""
        period: { name: 2026-Q4, start: 2026-10-01, end: 2026-12-31 }
        objectives:
          - id: O1
            title: New users quickly find value
            keyResults:
              - id: O1-KR1
                title: Raise activation from 35% to 50%
                target: 50
        pastPeriods:
          - name: 2026-Q3
            keyResults: [Q3-O1-KR1]
        """, "okrs.yaml");

    [Theory]
    [InlineData("O1-KR1")]
    [InlineData("o1-kr1")]
    [InlineData(" O1-kr1 ")]
    public void FindKeyResult_ignores_case_and_surrounding_spaces(string tag) =>
        Assert.Equal("O1-KR1", Okrs.FindKeyResult(tag)?.Id);

    [Fact]
    public void FindKeyResult_of_an_unknown_id_is_null() => Assert.Null(Okrs.FindKeyResult("O1-KR2"));

    [Theory]
    [InlineData("Q3-O1-KR1")]
    [InlineData("q3-o1-kr1")]
    public void FindPastPeriod_ignores_case(string tag) => Assert.Equal("2026-Q3", Okrs.FindPastPeriod(tag)?.Name);

    [Fact]
    public void FindPastPeriod_of_a_current_kr_is_null() => Assert.Null(Okrs.FindPastPeriod("O1-KR1"));
}
