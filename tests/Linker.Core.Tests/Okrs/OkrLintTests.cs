using OkrLinker.Core.Okrs;
using OkrLinker.Core.Reports;
using static OkrLinker.Core.Tests.Support.OkrSome;

namespace OkrLinker.Core.Tests.Okrs;

public sealed class OkrLintTests
{
    [Fact]
    public void Good_okr_set_has_no_findings()
    {
        // 3 objectives with 2, 3 and 2 KRs, each with a baseline, a metric and numbers in its title.
        var okrs = OkrLoader.Parse("""
            period: { name: 2026-Q4, start: 2026-10-01, end: 2026-12-31 }
            objectives:
              - id: O1
                title: New users quickly find value in the product
                keyResults:
                  - { id: O1-KR1, title: Raise day-7 activation from 35% to 50%, baseline: 35, target: 50, metric: { provider: prometheus, query: activation_d7 } }
                  - { id: O1-KR2, title: Cut time to first report from 3 days to 1, baseline: 3, target: 1, metric: { provider: sql, query: ttfr } }
              - id: O2
                title: Teams trust their numbers
                keyResults:
                  - { id: O2-KR1, title: Keep sync lag under 15 minutes, baseline: 40, target: 15, metric: { provider: prometheus, query: lag } }
                  - { id: O2-KR2, title: Lift report accuracy from 90% to 99%, baseline: 90, target: 99, metric: { provider: sql, query: acc } }
                  - { id: O2-KR3, title: Grow weekly report readers from 20 to 60, baseline: 20, target: 60, metric: { provider: sql, query: readers } }
              - id: O3
                title: Delivery work serves our goals
                keyResults:
                  - { id: O3-KR1, title: Bring unlinked work down from 40% to 15%, baseline: 40, target: 15, metric: { provider: sql, query: unlinked } }
                  - { id: O3-KR2, title: Release lead time falls from 10 days to 4, baseline: 10, target: 4, metric: { provider: sql, query: lead } }
            """, "okrs.yaml");

        Assert.Empty(OkrLint.Check(okrs));
    }

    [Fact]
    public void Six_objectives_are_an_error()
    {
        var findings = OkrLint.Check(Set(GoodObjective("O1"), GoodObjective("O2"), GoodObjective("O3"),
            GoodObjective("O4"), GoodObjective("O5"), GoodObjective("O6")));

        Assert.Equal(
            [new Finding("too-many-objectives", "error", "2026-Q4", "2026-Q4 has 6 objectives; cut to the 3 that matter most, 5 at the very most")],
            findings);
    }

    [Theory]
    [InlineData(4)]
    [InlineData(5)]
    public void Four_or_five_objectives_are_a_warning(int count)
    {
        var objectives = Enumerable.Range(1, count).Select(i => GoodObjective($"O{i}")).ToArray();

        Assert.Equal(
            [new Finding("too-many-objectives", "warning", "2026-Q4", $"2026-Q4 has {count} objectives; aim for 3 so each gets real attention")],
            OkrLint.Check(Set(objectives)));
    }

    [Fact]
    public void Three_objectives_are_fine() =>
        Assert.Empty(OkrLint.Check(Set(GoodObjective("O1"), GoodObjective("O2"), GoodObjective("O3"))));

    [Fact]
    public void Objective_with_one_kr_is_a_warning() =>
        Assert.Equal(
            [new Finding("kr-count", "warning", "O1", "O1 has 1 key result; give it 2 to 4 that together show the objective is met")],
            OkrLint.Check(Set(Objective("O1", Kr("O1-KR1")))));

    [Fact]
    public void Objective_with_no_kr_is_a_warning() =>
        Assert.Equal(
            [new Finding("kr-count", "warning", "O1", "O1 has no key results; give it 2 to 4 that together show the objective is met")],
            OkrLint.Check(Set(Objective("O1"))));

    [Fact]
    public void Objective_with_five_krs_is_a_warning_and_four_is_fine()
    {
        var five = Objective("O1", Kr("O1-KR1"), Kr("O1-KR2"), Kr("O1-KR3"), Kr("O1-KR4"), Kr("O1-KR5"));
        var four = Objective("O2", Kr("O2-KR1"), Kr("O2-KR2"), Kr("O2-KR3"), Kr("O2-KR4"));

        Assert.Equal(
            [new Finding("kr-count", "warning", "O1", "O1 has 5 key results; keep the 2 to 4 that matter most")],
            OkrLint.Check(Set(five, four)));
    }

    [Fact]
    public void Kr_with_neither_baseline_nor_metric_gets_both_warnings() =>
        Assert.Equal(
            [
                new Finding("kr-no-baseline", "warning", "O1-KR2", "Give O1-KR2 a baseline, or a metric to read it from at period start"),
                new Finding("kr-no-metric", "warning", "O1-KR2", "Give O1-KR2 a metric, so its progress comes from data, not opinion"),
            ],
            OkrLint.Check(Set(Objective("O1", Kr("O1-KR1"), Kr("O1-KR2", baseline: null, withMetric: false)))));

    [Fact]
    public void Kr_without_baseline_but_with_a_metric_is_fine_as_the_baseline_comes_from_the_metric() =>
        Assert.Empty(OkrLint.Check(Set(Objective("O1", Kr("O1-KR1"), Kr("O1-KR2", baseline: null)))));

    [Fact]
    public void Kr_without_metric_is_a_warning() =>
        Assert.Equal(
            [new Finding("kr-no-metric", "warning", "O1-KR1", "Give O1-KR1 a metric, so its progress comes from data, not opinion")],
            OkrLint.Check(Set(Objective("O1", Kr("O1-KR1", withMetric: false), Kr("O1-KR2")))));

    [Theory]
    [InlineData("Launch the new onboarding flow", "Launch")]
    [InlineData("Onboarding flow launched", "launched")]
    [InlineData("Shipping the mobile app", "Shipping")]
    [InlineData("Release the public API", "Release")]
    [InlineData("Build a partner portal", "Build")]
    [InlineData("Deliver dashboards to every team", "Deliver")]
    [InlineData("Completion of the data warehouse", "Completion")]
    [InlineData("Implement single sign-on", "Implement")]
    [InlineData("Billing migration to the new stack", "migration")]
    public void Kr_worded_as_an_output_is_a_warning(string title, string word) =>
        Assert.Equal(
            [new Finding("kr-output-worded", "warning", "O1-KR1", $"O1-KR1 reads as a task ('{word}'); word it as the outcome it should change, with a number")],
            OkrLint.Check(Set(Objective("O1", Kr("O1-KR1", title), Kr("O1-KR2")))));

    [Theory]
    [InlineData("Ship 3 integrations partners use weekly")] // a number makes it measurable
    [InlineData("Strengthen the relationship with partners")] // "ship" inside a word is no delivery verb
    [InlineData("Customers rebuild trust in our status page")] // nor is "build" inside "rebuild"
    public void Kr_with_a_number_or_no_delivery_verb_is_not_output_worded(string title) =>
        Assert.Empty(OkrLint.Check(Set(Objective("O1", Kr("O1-KR1", title), Kr("O1-KR2")))));

    [Fact]
    public void Target_equal_to_baseline_is_an_error() =>
        Assert.Equal(
            [new Finding("kr-target-equals-baseline", "error", "O1-KR2", "O1-KR2 has its target equal to its baseline (35.5); set the value it should move to")],
            OkrLint.Check(Set(Objective("O1", Kr("O1-KR1"), Kr("O1-KR2", baseline: 35.5, target: 35.5)))));

    [Fact]
    public void Findings_come_objectives_first_then_each_objective_and_its_krs_in_file_order()
    {
        var okrs = Set(
            Objective("O1", Kr("O1-KR1", "Launch onboarding", withMetric: false)),
            GoodObjective("O2"),
            Objective("O3", Kr("O3-KR1", baseline: 20), Kr("O3-KR2", baseline: null, withMetric: false)),
            GoodObjective("O4"));

        Assert.Equal(
            [
                ("too-many-objectives", "2026-Q4"),
                ("kr-count", "O1"),
                ("kr-no-metric", "O1-KR1"),
                ("kr-output-worded", "O1-KR1"),
                ("kr-target-equals-baseline", "O3-KR1"), // baseline 20 = the default target 20
                ("kr-no-baseline", "O3-KR2"),
                ("kr-no-metric", "O3-KR2"),
            ],
            OkrLint.Check(okrs).Select(f => (f.Rule, f.Subject)));
    }
}
