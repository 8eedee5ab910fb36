using OkrLinker.Core.Okrs;

namespace OkrLinker.Core.Tests.Okrs;

/// <summary>Each broken okrs.yaml names the line and column (1-based) and key path a user must fix.</summary>
public sealed class OkrLoaderErrorTests
{
    [Fact]
    public void Non_numeric_target_points_at_the_value()
    {
        var error = Fails("""
            period: { name: 2026-Q4, start: 2026-10-01, end: 2026-12-31 }
            objectives:
              - id: O1
                title: New users quickly find value
                keyResults:
                  - id: O1-KR1
                    title: Raise activation from 35% to 50%
                    target: 50
              - id: O2
                title: Teams trust their numbers
                keyResults:
                  - id: O2-KR1
                    title: Keep sync lag under 15 minutes
                    target: fifty
            """);

        // line 14 is "        target: fifty": 8 spaces, "target:" and a space, so the value starts at column 17.
        Assert.Equal(("okrs.yaml", 14, 17, "objectives[1].keyResults[0].target"), (error.File, error.Line, error.Column, error.Key));
        Assert.Equal("okrs.yaml:14:17: objectives[1].keyResults[0].target: target must be a number, got 'fifty'", error.Message);
    }

    [Fact]
    public void Non_numeric_baseline_points_at_the_value_and_hints_at_the_unit() =>
        AssertFails(OneKr("baseline: 35%", "target: 50"), 8, 19, "objectives[0].keyResults[0].baseline",
            "baseline must be a number, got '35%' (put the unit in metric.unit)");

    [Fact]
    public void Missing_target_points_at_the_key_result() =>
        // The KR mapping starts at "id" of "      - id: O1-KR1" (line 6, column 9).
        AssertFails(OneKr("baseline: 35"), 6, 9, "objectives[0].keyResults[0].target", "key result has no target");

    [Fact]
    public void Empty_target_points_at_the_key() =>
        AssertFails(OneKr("target:"), 8, 9, "objectives[0].keyResults[0].target", "target is empty");

    [Fact]
    public void Key_result_without_id_points_at_its_mapping() =>
        AssertFails("""
            period: { name: 2026-Q4, start: 2026-10-01, end: 2026-12-31 }
            objectives:
              - id: O1
                title: New users quickly find value
                keyResults:
                  - title: Raise activation from 35% to 50%
                    target: 50
            """, 6, 9, "objectives[0].keyResults[0].id", "key result has no id");

    [Fact]
    public void Key_result_without_title_points_at_its_mapping() =>
        AssertFails("""
            period: { name: 2026-Q4, start: 2026-10-01, end: 2026-12-31 }
            objectives:
              - id: O1
                title: New users quickly find value
                keyResults:
                  - id: O1-KR1
                    target: 50
            """, 6, 9, "objectives[0].keyResults[0].title", "key result has no title");

    [Fact]
    public void Objective_without_id_points_at_its_mapping() =>
        // "  - title: …": the mapping starts after "- ", at column 5.
        AssertFails("""
            period: { name: 2026-Q4, start: 2026-10-01, end: 2026-12-31 }
            objectives:
              - id: O1
                title: New users quickly find value
              - title: Teams trust their numbers
            """, 5, 5, "objectives[1].id", "objective has no id");

    [Fact]
    public void Objective_without_title_points_at_its_mapping() =>
        AssertFails("""
            period: { name: 2026-Q4, start: 2026-10-01, end: 2026-12-31 }
            objectives:
              - id: O1
                keyResults: []
            """, 3, 5, "objectives[0].title", "objective has no title");

    [Fact]
    public void Blank_id_points_at_the_value() =>
        AssertFails("""
            period: { name: 2026-Q4, start: 2026-10-01, end: 2026-12-31 }
            objectives:
              - id: "  "
                title: New users quickly find value
            """, 3, 9, "objectives[0].id", "id must not be blank");

    [Fact]
    public void Duplicate_key_result_id_differing_only_in_case_points_at_the_second_id() =>
        // line 12 is "      - id: o1-kr1": the value starts at column 13.
        AssertFails("""
            period: { name: 2026-Q4, start: 2026-10-01, end: 2026-12-31 }
            objectives:
              - id: O1
                title: New users quickly find value
                keyResults:
                  - id: O1-KR1
                    title: Raise activation from 35% to 50%
                    target: 50
              - id: O2
                title: Teams trust their numbers
                keyResults:
                  - id: o1-kr1
                    title: Keep sync lag under 15 minutes
                    target: 15
            """, 12, 13, "objectives[1].keyResults[0].id",
            "key result id 'o1-kr1' is already used by 'O1-KR1' on line 6; ids must be unique, whatever their case");

    [Fact]
    public void Duplicate_key_result_id_within_one_objective_is_caught_too() =>
        // line 9 is "      - id: ' O1-KR1 '": the quoted value starts at column 13 and is trimmed before comparing.
        AssertFails("""
            period: { name: 2026-Q4, start: 2026-10-01, end: 2026-12-31 }
            objectives:
              - id: O1
                title: New users quickly find value
                keyResults:
                  - id: O1-KR1
                    title: Raise activation from 35% to 50%
                    target: 50
                  - id: ' O1-KR1 '
                    title: Raise activation again
                    target: 60
            """, 9, 13,
            "objectives[0].keyResults[1].id", "key result id 'O1-KR1' is already used by 'O1-KR1' on line 6; ids must be unique, whatever their case");

    [Fact]
    public void Duplicate_objective_id_points_at_the_second_id() =>
        AssertFails("""
            period: { name: 2026-Q4, start: 2026-10-01, end: 2026-12-31 }
            objectives:
              - id: O1
                title: New users quickly find value
              - id: o1
                title: Teams trust their numbers
            """, 5, 9, "objectives[1].id", "objective id 'o1' is already used by 'O1' on line 3; ids must be unique, whatever their case");

    [Fact]
    public void Key_results_at_top_level_are_an_unknown_key() =>
        AssertFails("""
            period: { name: 2026-Q4, start: 2026-10-01, end: 2026-12-31 }
            objectives:
              - id: O1
                title: New users quickly find value
            keyResults:
              - id: O1-KR1
                title: Raise activation from 35% to 50%
                target: 50
            """, 5, 1, "keyResults", "unknown key 'keyResults' in the file; expected period, objectives or pastPeriods");

    [Fact]
    public void Key_result_written_as_an_objective_fails_on_its_first_key_result_field() =>
        AssertFails("""
            period: { name: 2026-Q4, start: 2026-10-01, end: 2026-12-31 }
            objectives:
              - id: O1-KR1
                title: Raise activation from 35% to 50%
                target: 50
            """, 5, 5, "objectives[0].target", "unknown key 'target' in objective; expected id, title, teams or keyResults");

    [Fact]
    public void Misspelt_key_is_an_error_at_the_key() =>
        AssertFails(OneKr("basline: 35", "target: 50"), 8, 9, "objectives[0].keyResults[0].basline",
            "unknown key 'basline' in key result; expected id, title, baseline, target or metric");

    [Fact]
    public void Key_in_the_wrong_case_suggests_the_right_one() =>
        AssertFails(OneKr("Target: 50"), 8, 9, "objectives[0].keyResults[0].Target", "unknown key 'Target' in key result; did you mean 'target'?");

    [Fact]
    public void Unknown_metric_key_is_an_error_at_the_key() =>
        // "        metric: { provider: sql, querry: x }": "querry" starts at column 34 of line 9.
        AssertFails(OneKr("target: 50", "metric: { provider: sql, querry: x }"), 9, 34, "objectives[0].keyResults[0].metric.querry",
            "unknown key 'querry' in metric; expected provider, query, unit, path, measure or where");

    [Fact]
    public void Missing_period_points_at_the_top_of_the_file() =>
        AssertFails("""
            objectives:
              - id: O1
                title: New users quickly find value
            """, 1, 1, "period", "the file has no period");

    [Fact]
    public void Period_that_is_not_a_mapping_points_at_the_value() =>
        AssertFails(WithPeriod("period: 2026-Q4"), 1, 9, "period", "period must be a mapping with name, start and end, got '2026-Q4'");

    [Fact]
    public void Period_without_end_points_at_the_period() =>
        AssertFails(WithPeriod("period: { name: 2026-Q4, start: 2026-10-01 }"), 1, 9, "period.end", "period has no end");

    [Fact]
    public void Period_without_name_points_at_the_period() =>
        AssertFails(WithPeriod("period:\n  start: 2026-10-01\n  end: 2026-12-31"), 2, 3, "period.name", "period has no name");

    [Fact]
    public void Invalid_start_date_points_at_the_value() =>
        // "period: { name: 2026-Q4, start: " is 32 characters, so the date starts at column 33.
        AssertFails(WithPeriod("period: { name: 2026-Q4, start: 2026-13-01, end: 2026-12-31 }"), 1, 33, "period.start",
            "start must be a date like 2026-10-01, got '2026-13-01'");

    [Fact]
    public void End_before_start_points_at_the_end() =>
        // "period: { name: 2026-Q4, start: 2026-10-01, end: " is 49 characters: the end date starts at column 50.
        AssertFails(WithPeriod("period: { name: 2026-Q4, start: 2026-10-01, end: 2026-09-30 }"), 1, 50, "period.end",
            "end 2026-09-30 is before start 2026-10-01");

    [Fact]
    public void Missing_objectives_points_at_the_top_of_the_file() =>
        AssertFails("period: { name: 2026-Q4, start: 2026-10-01, end: 2026-12-31 }\n", 1, 1, "objectives", "the file has no objectives");

    [Fact]
    public void Empty_objectives_list_points_at_it() =>
        AssertFails("period: { name: 2026-Q4, start: 2026-10-01, end: 2026-12-31 }\nobjectives: []\n", 2, 13, "objectives",
            "objectives is empty; list at least one objective");

    [Fact]
    public void Objectives_that_are_not_a_list_point_at_the_value() =>
        AssertFails("period: { name: 2026-Q4, start: 2026-10-01, end: 2026-12-31 }\nobjectives:\n  id: O1\n", 3, 3, "objectives",
            "objectives must be a list, got a mapping");

    [Fact]
    public void Team_that_is_not_a_name_points_at_the_entry() =>
        AssertFails("""
            period: { name: 2026-Q4, start: 2026-10-01, end: 2026-12-31 }
            objectives:
              - id: O1
                title: New users quickly find value
                teams: [growth, { name: web }]
            """, 5, 21, "objectives[0].teams[1]", "teams[1] must be a name, got a mapping");

    [Fact]
    public void Past_period_without_name_points_at_its_mapping() =>
        AssertFails("""
            period: { name: 2026-Q4, start: 2026-10-01, end: 2026-12-31 }
            objectives:
              - id: O1
                title: New users quickly find value
            pastPeriods:
              - keyResults: [Q3-O1-KR1]
            """, 6, 5, "pastPeriods[0].name", "past period has no name");

    [Fact]
    public void Bad_yaml_syntax_gives_yamldotnet_position() =>
        // YamlDotNet reports the second ':' of "    title: x: y", column 13.
        AssertFails("""
            period: { name: 2026-Q4, start: 2026-10-01, end: 2026-12-31 }
            objectives:
              - id: O1
                title: x: y
            """, 4, 13, null, "invalid YAML: While scanning a plain scalar value, found invalid mapping.");

    [Fact]
    public void Unclosed_flow_list_gives_the_position_where_reading_stopped() =>
        // YamlDotNet fails here without a YamlException; its scanner stood at the start of line 3, past the unclosed list.
        AssertFails("period: { name: 2026-Q4, start: 2026-10-01, end: 2026-12-31 }\nteams: [growth, web\nobjectives: 1\n", 3, 1, null,
            "invalid YAML: the file cannot be read past this point (an unclosed '[', '{' or quote?)");

    [Fact]
    public void Duplicate_yaml_key_points_at_the_second_key() =>
        AssertFails(OneKr("target: 50", "target: 60"), 9, 9, null, "invalid YAML: Duplicate key target");

    [Fact]
    public void Empty_file_is_an_error() =>
        AssertFails("# nothing yet\n", 1, 1, null, "the file is empty; it needs a period and objectives");

    [Fact]
    public void Two_documents_are_an_error_at_the_second() =>
        AssertFails(OneKr("target: 50") + "---\nperiod: {}\n", 10, 1, null, "the file holds more than one YAML document; keep one");

    /// <summary>A file with one objective O1 and one KR O1-KR1 (lines 6–7); each of <paramref name="krLines"/> follows from line 8 at the KR's indent (column 9).</summary>
    private static string OneKr(params string[] krLines) =>
        """
        period: { name: 2026-Q4, start: 2026-10-01, end: 2026-12-31 }
        objectives:
          - id: O1
            title: New users quickly find value
            keyResults:
              - id: O1-KR1
                title: Raise activation from 35% to 50%
        """ + string.Concat(krLines.Select(line => "\n        " + line)) + "\n";

    private static string WithPeriod(string period) =>
        period + "\n" + """
            objectives:
              - id: O1
                title: New users quickly find value
            """;

    private static OkrLoadException Fails(string yaml) => Assert.Throws<OkrLoadException>(() => OkrLoader.Parse(yaml, "okrs.yaml"));

    private static void AssertFails(string yaml, int line, int column, string? key, string reason)
    {
        var error = Fails(yaml);
        Assert.Equal((line, column, key, reason), (error.Line, error.Column, error.Key, error.Reason));
        var where = key is null ? $"okrs.yaml:{line}:{column}" : $"okrs.yaml:{line}:{column}: {key}";
        Assert.Equal($"{where}: {reason}", error.Message);
    }
}
