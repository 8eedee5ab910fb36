using YamlDotNet.RepresentationModel;

namespace OkrLinker.Core.Okrs;

/// <summary>Reads the root node of okrs.yaml (DESIGN.md §4) into an <see cref="OkrSet"/>, failing on the first error.</summary>
internal sealed class OkrSetReader(string fileName)
{
    private static readonly string[] RootKeys = ["period", "objectives", "pastPeriods"];
    private static readonly string[] PeriodKeys = ["name", "start", "end"];
    private static readonly string[] ObjectiveKeys = ["id", "title", "teams", "keyResults"];
    private static readonly string[] KeyResultKeys = ["id", "title", "baseline", "target", "metric"];
    private static readonly string[] MetricKeys = ["provider", "query", "unit"];
    private static readonly string[] PastPeriodKeys = ["name", "keyResults"];

    // Ids are unique case-insensitively, as tickets match them that way; the first use is kept to point back at it.
    private readonly Dictionary<string, (string Id, long Line)> objectiveIds = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, (string Id, long Line)> keyResultIds = new(StringComparer.OrdinalIgnoreCase);

    public OkrSet Read(YamlNode root)
    {
        var file = OkrYamlMapping.Open(root, fileName, "", "the file", RootKeys);
        var period = ReadPeriod(file);

        var objectivesNode = file.RequiredValue("objectives");
        var objectiveNodes = file.Sequence("objectives");
        if (objectiveNodes.Count == 0)
            throw file.Error(objectivesNode, "objectives", "objectives is empty; list at least one objective");

        var objectives = objectiveNodes.Select((node, i) => ReadObjective(node, $"objectives[{i}]")).ToList();
        var pastPeriods = file.Sequence("pastPeriods").Select((node, i) => ReadPastPeriod(node, $"pastPeriods[{i}]")).ToList();
        return new OkrSet(period, objectives, pastPeriods);
    }

    private Period ReadPeriod(OkrYamlMapping file)
    {
        var period = OkrYamlMapping.Open(file.RequiredValue("period"), fileName, "period", "period", PeriodKeys);
        var name = period.RequiredText("name");
        var start = period.RequiredDate("start");
        var end = period.RequiredDate("end");
        if (end < start)
            throw period.Error(period.Value("end")!, "end", $"end {end:yyyy-MM-dd} is before start {start:yyyy-MM-dd}");
        return new Period(name, start, end);
    }

    private Objective ReadObjective(YamlNode node, string path)
    {
        var objective = OkrYamlMapping.Open(node, fileName, path, "objective", ObjectiveKeys);
        var id = objective.RequiredText("id");
        Claim(objectiveIds, objective, id, "objective");
        var title = objective.RequiredText("title");
        var teams = objective.TextList("teams");
        var keyResults = objective.Sequence("keyResults")
            .Select((kr, i) => ReadKeyResult(kr, $"{path}.keyResults[{i}]", id))
            .ToList();
        return new Objective(id, title, teams, keyResults);
    }

    private KeyResult ReadKeyResult(YamlNode node, string path, string objectiveId)
    {
        var kr = OkrYamlMapping.Open(node, fileName, path, "key result", KeyResultKeys);
        var id = kr.RequiredText("id");
        Claim(keyResultIds, kr, id, "key result");
        var title = kr.RequiredText("title");
        var baseline = kr.OptionalNumber("baseline");
        var target = kr.RequiredNumber("target");
        var metric = kr.Value("metric") is { } metricNode ? ReadMetric(metricNode, $"{path}.metric") : null;
        return new KeyResult(id, objectiveId, title, baseline, target, metric);
    }

    private MetricSpec ReadMetric(YamlNode node, string path)
    {
        var metric = OkrYamlMapping.Open(node, fileName, path, "metric", MetricKeys);
        return new MetricSpec(metric.RequiredText("provider"), metric.RequiredText("query"), metric.OptionalText("unit"));
    }

    private PastPeriod ReadPastPeriod(YamlNode node, string path)
    {
        var past = OkrYamlMapping.Open(node, fileName, path, "past period", PastPeriodKeys);
        return new PastPeriod(past.RequiredText("name"), past.TextList("keyResults"));
    }

    private static void Claim(Dictionary<string, (string Id, long Line)> seen, OkrYamlMapping mapping, string id, string what)
    {
        var idNode = mapping.Value("id")!;
        if (seen.TryGetValue(id, out var first))
        {
            throw mapping.Error(idNode, "id",
                $"{what} id '{id}' is already used by '{first.Id}' on line {first.Line}; ids must be unique, whatever their case");
        }

        seen.Add(id, (id, idNode.Start.Line));
    }
}
