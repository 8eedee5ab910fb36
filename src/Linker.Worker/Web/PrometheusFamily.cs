using System.Text.RegularExpressions;

namespace OkrLinker.Worker.Web;

/// <summary>A metric with its help text, type and samples; names are checked here so the writer never emits an invalid one.</summary>
internal sealed partial class PrometheusFamily
{
    private readonly List<PrometheusSample> samples = [];

    public PrometheusFamily(string name, PrometheusType type, string help)
    {
        if (!MetricName().IsMatch(name))
        {
            throw new ArgumentException($"'{name}' is not a Prometheus metric name.", nameof(name));
        }

        Name = name;
        Type = type;
        Help = help;
    }

    public string Name { get; }

    public PrometheusType Type { get; }

    public string Help { get; }

    public IReadOnlyList<PrometheusSample> Samples => samples;

    public PrometheusFamily Add(double value, params (string Name, string Value)[] labels)
    {
        foreach (var (label, _) in labels)
        {
            if (!LabelName().IsMatch(label) || label.StartsWith("__", StringComparison.Ordinal))
            {
                throw new ArgumentException($"'{label}' is not a Prometheus label name.", nameof(labels));
            }
        }

        samples.Add(new PrometheusSample([.. labels.Select(l => KeyValuePair.Create(l.Name, l.Value))], value));
        return this;
    }

    [GeneratedRegex("^[a-zA-Z_:][a-zA-Z0-9_:]*$")]
    private static partial Regex MetricName();

    [GeneratedRegex("^[a-zA-Z_][a-zA-Z0-9_]*$")]
    private static partial Regex LabelName();
}
