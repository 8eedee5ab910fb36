using OkrLinker.Core.Configuration;
using OkrLinker.Core.Linking;
using YamlDotNet.RepresentationModel;

namespace OkrLinker.Core.Okrs;

/// <summary>Reads the root node of okrs.yaml (DESIGN.md §4) into an <see cref="OkrSet"/>, failing on the first error.</summary>
/// <param name="providers">The configured <c>Metrics.Providers</c> that <c>metric.provider</c> may name; null when no config is at hand.</param>
internal sealed class OkrSetReader(string fileName, IReadOnlyList<MetricProviderOptions>? providers = null)
{
    private static readonly string[] RootKeys = ["period", "objectives", "pastPeriods"];
    private static readonly string[] PeriodKeys = ["name", "start", "end"];
    private static readonly string[] ObjectiveKeys = ["id", "title", "teams", "keyResults"];
    private static readonly string[] KeyResultKeys = ["id", "title", "baseline", "target", "metric"];
    private static readonly string[] MetricKeys = ["provider", "query", "unit", "path", "measure", "where"];
    private static readonly string[] WhereKeys = ["Source", "Label", "Field", "Equals", "StartsWith"];
    private static readonly Dictionary<string, TrackerMeasure> Measures = new(StringComparer.OrdinalIgnoreCase)
    {
        ["count"] = TrackerMeasure.Count,
        ["points"] = TrackerMeasure.Points,
        ["median-cycle-days"] = TrackerMeasure.MedianCycleDays,
    };
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
        var provider = metric.RequiredText("provider");
        var unit = metric.OptionalText("unit");
        if (string.Equals(provider, MetricSpec.Tracker, StringComparison.OrdinalIgnoreCase))
        {
            return ReadTrackerMetric(metric, unit);
        }

        var kind = KindOf(metric, provider);
        foreach (var key in new[] { "measure", "where" })
        {
            if (metric.Value(key) is { } value)
                throw metric.Error(value, key, $"{key} is for provider {MetricSpec.Tracker}, not '{provider}'");
        }

        var jsonPath = metric.OptionalText("path");
        var isHttpJson = string.Equals(kind, "http-json", StringComparison.OrdinalIgnoreCase);
        if (jsonPath is not null && kind is not null && !isHttpJson)
            throw metric.Error(metric.Value("path")!, "path", $"path is for http-json providers; '{provider}' is {kind}");
        if (jsonPath is null && isHttpJson)
            throw metric.Error(metric.Value("provider")!, "path", $"'{provider}' is an http-json provider: add path, the JSONPath of the number (e.g. $.data.value)");
        if (jsonPath is not null && !jsonPath.StartsWith('$'))
            throw metric.Error(metric.Value("path")!, "path", $"path must be a JSONPath starting with $ (e.g. $.data.value), got '{jsonPath}'");

        return new MetricSpec(provider, metric.RequiredText("query"), unit) { Path = jsonPath };
    }

    private MetricSpec ReadTrackerMetric(OkrYamlMapping metric, string? unit)
    {
        foreach (var key in new[] { "query", "path" })
        {
            if (metric.Value(key) is { } value)
                throw metric.Error(value, key, $"provider {MetricSpec.Tracker} takes no {key}; say what to count with measure and where");
        }

        var measureText = metric.RequiredText("measure");
        if (!Measures.TryGetValue(measureText, out var measure))
            throw metric.Error(metric.Value("measure")!, "measure", $"measure must be count, points or median-cycle-days, got '{measureText}'");

        var where = metric.Sequence("where").Select((rule, i) => ReadWhereRule(rule, metric.KeyPath($"where[{i}]"))).ToList();
        return new MetricSpec(MetricSpec.Tracker, "", unit) { Measure = measure, Where = where };
    }

    // Shaped as a Linking rule (DESIGN.md §7) and checked by the same compiler, so both read items alike.
    private RuleOptions ReadWhereRule(YamlNode node, string path)
    {
        var rule = OkrYamlMapping.Open(node, fileName, path, "where rule", WhereKeys);
        var options = new RuleOptions
        {
            Source = rule.OptionalText("Source"),
            Label = rule.OptionalText("Label"),
            Field = rule.OptionalText("Field"),
            EqualsValue = rule.OptionalText("Equals"),
            StartsWith = rule.OptionalText("StartsWith"),
        };
        try
        {
            LinkRule.Compile(options, path, catalog: null);
        }
        catch (LinkingConfigException e)
        {
            // The rule compiler names keys the linker.json way (where[0]:Field); okrs.yaml paths use dots.
            var subKey = e.Key.Length > path.Length ? e.Key[(path.Length + 1)..] : null;
            var at = (subKey is null ? null : rule.Value(subKey)) ?? node;
            throw OkrLoadException.At(fileName, at.Start, e.Key.Replace(':', '.'), e.Message[(e.Key.Length + 2)..], e);
        }

        return options;
    }

    /// <summary>The kind of the configured provider the metric names; null when no config is at hand.</summary>
    private string? KindOf(OkrYamlMapping metric, string provider)
    {
        if (providers is null)
            return null;

        var entry = providers.FirstOrDefault(p => string.Equals(p.Name, provider, StringComparison.OrdinalIgnoreCase));
        if (entry is not null)
            return entry.Kind;

        var names = providers.Select(p => p.Name).Append(MetricSpec.Tracker);
        throw metric.Error(metric.Value("provider")!, "provider",
            $"'{provider}' is not a metric provider; name one of Metrics:Providers or tracker ({string.Join(", ", names)})");
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
