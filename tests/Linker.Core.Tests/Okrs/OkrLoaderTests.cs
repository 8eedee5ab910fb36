using OkrLinker.Core.Okrs;

namespace OkrLinker.Core.Tests.Okrs;

public sealed class OkrLoaderTests
{
    private const string FullFile = """
        # Q4 OKRs
        period: { name: 2026-Q4, start: 2026-10-01, end: 2026-12-31 }
        objectives:
          - id: ' O1 '
            title: New users quickly find value in the product
            teams: [growth, onboarding]
            keyResults:
              - id: O1-KR1
                title: Raise day-7 activation from 35% to 50%
                baseline: 35
                target: 50
                metric: { provider: prometheus, query: "avg_over_time(activation_d7_ratio[7d]) * 100", unit: "%" }
              - id: O1-KR2
                title: Cut time to first report from 3 days to 1
                target: 1.5
          - id: O2
            title: Teams trust their numbers
            teams: platform
            keyResults:
              - id: O2-KR1
                title: Keep sync lag under 15 minutes
                baseline: -2.5e1
                target: "15"
                metric:
                  provider: sql
                  query: select lag from sync
        pastPeriods:
          - name: 2026-Q3
            keyResults: [Q3-O1-KR1, Q3-O2-KR1]
        """;

    [Fact]
    public void Full_file_loads_every_field_in_file_order()
    {
        var okrs = OkrLoader.Parse(FullFile, "okrs.yaml");

        Assert.Equal(new Period("2026-Q4", new DateOnly(2026, 10, 1), new DateOnly(2026, 12, 31)), okrs.Period);
        Assert.Equal(["O1", "O2"], okrs.Objectives.Select(o => o.Id));

        var o1 = okrs.Objectives[0];
        Assert.Equal("New users quickly find value in the product", o1.Title);
        Assert.Equal(["growth", "onboarding"], o1.Teams);
        Assert.Equal(
            new KeyResult("O1-KR1", "O1", "Raise day-7 activation from 35% to 50%", 35, 50,
                new MetricSpec("prometheus", "avg_over_time(activation_d7_ratio[7d]) * 100", "%")),
            o1.KeyResults[0]);
        Assert.Equal(new KeyResult("O1-KR2", "O1", "Cut time to first report from 3 days to 1", null, 1.5, null), o1.KeyResults[1]);

        var o2 = okrs.Objectives[1];
        Assert.Equal(["platform"], o2.Teams); // a single team stands for a list of one
        // -2.5e1 = -25; the quoted "15" still reads as a number.
        Assert.Equal(
            new KeyResult("O2-KR1", "O2", "Keep sync lag under 15 minutes", -25, 15, new MetricSpec("sql", "select lag from sync", null)),
            Assert.Single(o2.KeyResults));

        var past = Assert.Single(okrs.PastPeriods);
        Assert.Equal("2026-Q3", past.Name);
        Assert.Equal(["Q3-O1-KR1", "Q3-O2-KR1"], past.KeyResultIds);
        Assert.Equal(["O1-KR1", "O1-KR2", "O2-KR1"], okrs.KeyResults.Select(kr => kr.Id));
    }

    [Fact]
    public void Optional_parts_may_be_left_out()
    {
        var okrs = OkrLoader.Parse("""
            period: { name: 2026-Q4, start: 2026-10-01, end: 2026-10-01 }
            objectives:
              - id: O1
                title: New users quickly find value
                keyResults:
                  - id: O1-KR1
                    title: Raise activation from 35% to 50%
                    baseline: ~
                    target: 50
              - id: O2
                title: An objective still being drafted
            """, "okrs.yaml");

        Assert.Equal(new DateOnly(2026, 10, 1), okrs.Period.End); // a one-day period is allowed
        Assert.Empty(okrs.Objectives[0].Teams);
        Assert.Null(okrs.Objectives[0].KeyResults[0].Baseline);
        Assert.Empty(okrs.Objectives[1].KeyResults); // lint flags this (kr-count); loading does not
        Assert.Empty(okrs.PastPeriods);
    }

    [Fact]
    public void Load_reads_the_file_and_names_it_as_given_in_errors()
    {
        var dir = Directory.CreateTempSubdirectory("okrs-");
        try
        {
            var path = Path.Combine(dir.FullName, "okrs.yaml");
            File.WriteAllText(path, FullFile);
            Assert.Equal(3, OkrLoader.Load(path).KeyResults.Count());

            File.WriteAllText(path, "period: 2026-Q4\n");
            var error = Assert.Throws<OkrLoadException>(() => OkrLoader.Load(path));
            Assert.Equal(path, error.File);
            Assert.Equal($"{path}:1:9: period: period must be a mapping with name, start and end, got '2026-Q4'", error.Message);
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    [Fact]
    public void Missing_file_is_a_load_error_without_a_position()
    {
        var dir = Directory.CreateTempSubdirectory("okrs-");
        dir.Delete();
        var path = Path.Combine(dir.FullName, "okrs.yaml");

        var error = Assert.Throws<OkrLoadException>(() => OkrLoader.Load(path));

        Assert.Equal((path, 0, 0, (string?)null), (error.File, error.Line, error.Column, error.Key));
        Assert.Equal($"{path}: file not found (looked for {path})", error.Message);
    }
}
