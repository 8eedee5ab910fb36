using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace OkrLinker.Worker.Tests.Web;

/// <summary>
/// A strict reader of the Prometheus text format 0.0.4, written for the tests: every sample line is
/// <c>name{labels} value</c>, names match <c>[a-zA-Z_:][a-zA-Z0-9_:]*</c>, a family's HELP and TYPE come once and
/// before its samples (a histogram's <c>_bucket</c>, <c>_sum</c> and <c>_count</c> belong to its family), label values unescape <c>\\</c>, <c>\"</c> and <c>\n</c>. Any breach throws.
/// </summary>
public sealed partial class PrometheusScrape
{
    private readonly List<(string Name, IReadOnlyDictionary<string, string> Labels, double Value)> samples = [];
    private readonly Dictionary<string, string> types = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> helps = new(StringComparer.Ordinal);

    public IReadOnlyDictionary<string, string> Types => types;

    public IReadOnlyDictionary<string, string> Helps => helps;

    public static PrometheusScrape Parse(string text)
    {
        if (text.Length > 0 && !text.EndsWith('\n'))
        {
            throw new FormatException("The exposition must end with a line feed.");
        }

        var scrape = new PrometheusScrape();
        var number = 0;
        foreach (var line in text.Split('\n').SkipLast(1))
        {
            number++;
            try
            {
                scrape.Read(line);
            }
            catch (FormatException ex)
            {
                throw new FormatException($"Line {number} '{line}': {ex.Message}", ex);
            }
        }

        return scrape;
    }

    /// <summary>The samples of <paramref name="name"/>, each as its labels and value.</summary>
    public IReadOnlyList<(IReadOnlyDictionary<string, string> Labels, double Value)> Samples(string name) =>
        [.. samples.Where(s => s.Name == name).Select(s => (s.Labels, s.Value))];

    /// <summary>The value of the one sample of <paramref name="name"/> with exactly these labels; throws when there is none.</summary>
    public double Value(string name, params (string Name, string Value)[] labels)
    {
        var matching = samples.Where(s => s.Name == name && s.Labels.Count == labels.Length
            && labels.All(l => s.Labels.TryGetValue(l.Name, out var v) && v == l.Value)).ToList();
        return matching.Count == 1
            ? matching[0].Value
            : throw new InvalidOperationException($"{matching.Count} samples of {name} with {string.Join(",", labels)}");
    }

    private void Read(string line)
    {
        if (line.Length == 0)
        {
            return;
        }

        if (line.StartsWith('#'))
        {
            ReadComment(line);
            return;
        }

        var match = SampleLine().Match(line);
        if (!match.Success)
        {
            throw new FormatException("not a sample line");
        }

        var name = match.Groups["name"].Value;
        var family = FamilyOf(name);
        if (!types.TryGetValue(family, out var type) || !helps.ContainsKey(family))
        {
            throw new FormatException($"sample of {name} before its HELP and TYPE");
        }

        if (family != name && type is not ("histogram" or "summary"))
        {
            throw new FormatException($"{name} is a {type} family's name with a histogram suffix");
        }

        var labels = match.Groups["labels"].Success ? ReadLabels(match.Groups["labels"].Value) : new Dictionary<string, string>();
        samples.Add((name, labels, ReadValue(match.Groups["value"].Value)));
    }

    private void ReadComment(string line)
    {
        var parts = line.Split(' ', 4);
        if (parts.Length < 3 || parts[0] != "#" || parts[1] is not ("HELP" or "TYPE"))
        {
            return; // a plain comment
        }

        var name = parts[2];
        if (!MetricName().IsMatch(name))
        {
            throw new FormatException($"'{name}' is not a metric name");
        }

        if (samples.Any(s => FamilyOf(s.Name) == name))
        {
            throw new FormatException($"{parts[1]} of {name} after its samples");
        }

        var target = parts[1] == "HELP" ? helps : types;
        if (!target.TryAdd(name, parts.Length == 4 ? parts[3] : ""))
        {
            throw new FormatException($"second {parts[1]} of {name}");
        }

        if (parts[1] == "TYPE" && target[name] is not ("counter" or "gauge" or "histogram" or "summary" or "untyped"))
        {
            throw new FormatException($"'{target[name]}' is not a metric type");
        }
    }

    // A histogram's samples are name_bucket, name_sum and name_count under the family's one HELP and TYPE.
    private string FamilyOf(string name)
    {
        foreach (var suffix in (string[])["_bucket", "_sum", "_count"])
        {
            if (name.EndsWith(suffix, StringComparison.Ordinal) && types.TryGetValue(name[..^suffix.Length], out var type) && type is "histogram" or "summary")
            {
                return name[..^suffix.Length];
            }
        }

        return name;
    }

    private static Dictionary<string, string> ReadLabels(string text)
    {
        var labels = new Dictionary<string, string>(StringComparer.Ordinal);
        var i = 0;
        while (i < text.Length)
        {
            var equals = text.IndexOf('=', i);
            var label = equals < 0 ? "" : text[i..equals];
            if (!LabelName().IsMatch(label) || equals + 1 >= text.Length || text[equals + 1] != '"')
            {
                throw new FormatException($"bad label at '{text[i..]}'");
            }

            var value = new StringBuilder();
            var j = equals + 2;
            for (; j < text.Length && text[j] != '"'; j++)
            {
                if (text[j] == '\\')
                {
                    j++;
                    value.Append(j < text.Length ? text[j] switch
                    {
                        '\\' => '\\',
                        '"' => '"',
                        'n' => '\n',
                        var other => throw new FormatException($"unknown escape \\{other}"),
                    } : throw new FormatException("escape at the end"));
                }
                else
                {
                    value.Append(text[j]);
                }
            }

            if (j >= text.Length)
            {
                throw new FormatException("unterminated label value");
            }

            if (!labels.TryAdd(label, value.ToString()))
            {
                throw new FormatException($"label {label} twice");
            }

            i = j + 1;
            if (i < text.Length)
            {
                i = text[i] == ',' ? i + 1 : throw new FormatException("labels must be separated by ','");
            }
        }

        return labels;
    }

    private static double ReadValue(string text) => text switch
    {
        "+Inf" => double.PositiveInfinity,
        "-Inf" => double.NegativeInfinity,
        "NaN" => double.NaN,
        _ => double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture),
    };

    // The labels part is taken up to the last '}' before the value; ReadLabels checks its inside.
    [GeneratedRegex("""^(?<name>[a-zA-Z_:][a-zA-Z0-9_:]*)(\{(?<labels>.*)\})? (?<value>\S+)( -?\d+)?$""")]
    private static partial Regex SampleLine();

    [GeneratedRegex("^[a-zA-Z_:][a-zA-Z0-9_:]*$")]
    private static partial Regex MetricName();

    [GeneratedRegex("^[a-zA-Z_][a-zA-Z0-9_]*$")]
    private static partial Regex LabelName();
}
