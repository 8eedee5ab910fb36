using System.Globalization;
using System.Text.Json;

namespace OkrLinker.Connectors.Metrics.HttpJson;

/// <summary>
/// The JSONPath subset the http-json provider reads: <c>$</c>, then any number of <c>.name</c>, <c>['name']</c> /
/// <c>["name"]</c> and <c>[index]</c> (a negative index counts from the end). No wildcards, filters, slices or <c>..</c>:
/// a metric is one number, and one path to it is enough.
/// </summary>
internal sealed class JsonPathLite
{
    private readonly IReadOnlyList<object> steps;

    private JsonPathLite(string text, IReadOnlyList<object> steps)
    {
        Text = text;
        this.steps = steps;
    }

    public string Text { get; }

    /// <exception cref="FormatException">Not in the subset; the message says where.</exception>
    public static JsonPathLite Parse(string path)
    {
        var text = path.Trim();
        if (!text.StartsWith('$'))
        {
            throw new FormatException($"JSONPath '{path}' must start with $");
        }

        var steps = new List<object>();
        var i = 1;
        while (i < text.Length)
        {
            if (text[i] == '.')
            {
                var start = ++i;
                while (i < text.Length && text[i] != '.' && text[i] != '[')
                {
                    i++;
                }

                var name = text[start..i];
                steps.Add(name.Length > 0 && name != "*" ? name : throw Unsupported(path, start + 1));
            }
            else if (text[i] == '[')
            {
                var close = text.IndexOf(']', i);
                if (close < 0)
                {
                    throw new FormatException($"JSONPath '{path}': '[' at {i + 1} is not closed");
                }

                var inside = text[(i + 1)..close].Trim();
                if (inside.Length >= 2 && inside[0] is '\'' or '"' && inside[^1] == inside[0])
                {
                    steps.Add(inside[1..^1]);
                }
                else if (int.TryParse(inside, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var index))
                {
                    steps.Add(index);
                }
                else
                {
                    throw Unsupported(path, i + 1);
                }

                i = close + 1;
            }
            else
            {
                throw Unsupported(path, i + 1);
            }
        }

        return new JsonPathLite(text, steps);
    }

    /// <summary>The number the path leads to; a string that reads as a number counts.</summary>
    /// <exception cref="InvalidDataException">The path leads nowhere, or not to a number.</exception>
    public double Select(JsonElement root)
    {
        var at = root;
        var walked = "$";
        foreach (var step in steps)
        {
            (at, walked) = step switch
            {
                string name when at.ValueKind == JsonValueKind.Object && at.TryGetProperty(name, out var child) => (child, $"{walked}.{name}"),
                int index when at.ValueKind == JsonValueKind.Array && Item(at, index) is { } item => (item, $"{walked}[{index}]"),
                _ => throw new InvalidDataException($"{Text}: {walked} has no {(step is int n ? $"item [{n}]" : $"'{step}'")} (it is {Kind(at)})"),
            };
        }

        if (at.ValueKind == JsonValueKind.Number)
        {
            return at.GetDouble();
        }

        return at.ValueKind == JsonValueKind.String
            && double.TryParse(at.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed) && double.IsFinite(parsed)
            ? parsed
            : throw new InvalidDataException($"{Text} is {Kind(at)}, not a number");
    }

    private static JsonElement? Item(JsonElement array, int index)
    {
        var length = array.GetArrayLength();
        var at = index < 0 ? length + index : index;
        return at >= 0 && at < length ? array[at] : null;
    }

    private static string Kind(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => $"a list of {element.GetArrayLength()}",
        JsonValueKind.String => $"the text \"{element.GetString()}\"",
        JsonValueKind.Null => "null",
        JsonValueKind.True or JsonValueKind.False => element.GetRawText(),
        _ => element.GetRawText(),
    };

    private static FormatException Unsupported(string path, int column) =>
        new($"JSONPath '{path}': only $, .name, ['name'] and [index] are supported (at character {column})");
}
