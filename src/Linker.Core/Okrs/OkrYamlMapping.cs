using System.Globalization;
using YamlDotNet.RepresentationModel;

namespace OkrLinker.Core.Okrs;

/// <summary>
/// One mapping of okrs.yaml with its key path, read field by field. Every failure names the node's
/// position, so a user can go straight to the line; unknown keys fail on opening, so typos surface.
/// </summary>
internal sealed class OkrYamlMapping
{
    private static readonly string[] NullScalars = ["", "~", "null", "Null", "NULL"];

    private readonly string fileName;
    private readonly YamlMappingNode node;
    private readonly Dictionary<string, KeyValuePair<YamlNode, YamlNode>> entries;

    private OkrYamlMapping(string fileName, YamlMappingNode node, string path, string what)
    {
        this.fileName = fileName;
        this.node = node;
        Path = path;
        What = what;
        entries = new Dictionary<string, KeyValuePair<YamlNode, YamlNode>>(StringComparer.Ordinal);
    }

    /// <summary>The key path of this mapping, e.g. <c>objectives[1]</c>; empty for the root.</summary>
    public string Path { get; }

    /// <summary>What this mapping is, for messages: "objective", "key result", …</summary>
    public string What { get; }

    public static OkrYamlMapping Open(YamlNode node, string fileName, string path, string what, IReadOnlyList<string> keys)
    {
        if (node is not YamlMappingNode mapping)
        {
            var reason = $"{what} must be a mapping with {Join(keys, "and")}, got {Describe(node)}";
            throw Fail(fileName, node, path.Length == 0 ? null : path, reason);
        }

        var opened = new OkrYamlMapping(fileName, mapping, path, what);
        foreach (var entry in mapping.Children)
        {
            if (entry.Key is not YamlScalarNode { Value: { } name })
                throw Fail(fileName, entry.Key, path.Length == 0 ? null : path, $"{what} keys must be plain names");
            if (!keys.Contains(name, StringComparer.Ordinal))
                throw Fail(fileName, entry.Key, opened.KeyPath(name), UnknownKey(name, what, keys));
            opened.entries[name] = entry;
        }

        return opened;
    }

    public string KeyPath(string key) => Path.Length == 0 ? key : $"{Path}.{key}";

    /// <summary>The value under <paramref name="key"/>, or null when the key is absent or its value is YAML null.</summary>
    public YamlNode? Value(string key) =>
        entries.TryGetValue(key, out var entry) && !IsNull(entry.Value) ? entry.Value : null;

    public string RequiredText(string key)
    {
        var value = RequiredValue(key);
        var text = Scalar(key, value, "a text").Trim();
        return text.Length > 0 ? text : throw Error(value, key, $"{key} must not be blank");
    }

    public string? OptionalText(string key)
    {
        var value = Value(key);
        if (value is null)
            return null;
        var text = Scalar(key, value, "a text").Trim();
        return text.Length > 0 ? text : null;
    }

    public double RequiredNumber(string key) => Number(key, RequiredValue(key));

    public double? OptionalNumber(string key) => Value(key) is { } value ? Number(key, value) : null;

    public DateOnly RequiredDate(string key)
    {
        var value = RequiredValue(key);
        var text = Scalar(key, value, "a date like 2026-10-01").Trim();
        return DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date
            : throw Error(value, key, $"{key} must be a date like 2026-10-01, got '{text}'");
    }

    /// <summary>The items of a list; an absent or null value is an empty list.</summary>
    public IReadOnlyList<YamlNode> Sequence(string key)
    {
        var value = Value(key);
        return value switch
        {
            null => [],
            YamlSequenceNode sequence => sequence.Children.ToList(),
            _ => throw Error(value, key, $"{key} must be a list, got {Describe(value)}"),
        };
    }

    /// <summary>A list of names; a single name stands for a list of one (<c>teams: growth</c>).</summary>
    public IReadOnlyList<string> TextList(string key)
    {
        var value = Value(key);
        if (value is YamlScalarNode)
            return [RequiredText(key)];

        var names = new List<string>();
        var items = Sequence(key);
        for (var i = 0; i < items.Count; i++)
        {
            var itemKey = $"{key}[{i}]";
            var text = items[i] is YamlScalarNode { Value: { } v } && !IsNull(items[i]) ? v.Trim() : "";
            if (text.Length == 0)
                throw Error(items[i], itemKey, $"{itemKey} must be a name, got {Describe(items[i])}");
            names.Add(text);
        }

        return names;
    }

    /// <summary>A failure at <paramref name="at"/> about <paramref name="key"/> of this mapping.</summary>
    public OkrLoadException Error(YamlNode at, string key, string reason) => Fail(fileName, at, KeyPath(key), reason);

    /// <summary>The value under <paramref name="key"/>; fails at this mapping when the key is absent, at the key when its value is null.</summary>
    public YamlNode RequiredValue(string key)
    {
        if (!entries.TryGetValue(key, out var entry))
            throw Fail(fileName, node, KeyPath(key), $"{What} has no {key}");
        return IsNull(entry.Value) ? throw Error(entry.Key, key, $"{key} is empty") : entry.Value;
    }

    private string Scalar(string key, YamlNode value, string expected) =>
        value is YamlScalarNode { Value: { } text }
            ? text
            : throw Error(value, key, $"{key} must be {expected}, got {Describe(value)}");

    private double Number(string key, YamlNode value)
    {
        var text = Scalar(key, value, "a number").Trim();
        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) && double.IsFinite(number))
            return number;
        var hint = text.EndsWith('%') ? " (put the unit in metric.unit)" : "";
        throw Error(value, key, $"{key} must be a number, got '{text}'{hint}");
    }

    private static bool IsNull(YamlNode value) =>
        value is YamlScalarNode { Style: YamlDotNet.Core.ScalarStyle.Plain } scalar && NullScalars.Contains(scalar.Value);

    private static string Describe(YamlNode value) => value switch
    {
        YamlMappingNode => "a mapping",
        YamlSequenceNode => "a list",
        YamlScalarNode scalar when IsNull(scalar) => "nothing",
        YamlScalarNode scalar => $"'{scalar.Value}'",
        _ => "an alias",
    };

    private static string UnknownKey(string name, string what, IReadOnlyList<string> keys)
    {
        var near = keys.FirstOrDefault(k => string.Equals(k, name, StringComparison.OrdinalIgnoreCase));
        return near is not null
            ? $"unknown key '{name}' in {what}; did you mean '{near}'?"
            : $"unknown key '{name}' in {what}; expected {Join(keys, "or")}";
    }

    private static string Join(IReadOnlyList<string> keys, string conjunction) =>
        keys.Count == 1 ? keys[0] : $"{string.Join(", ", keys.Take(keys.Count - 1))} {conjunction} {keys[^1]}";

    private static OkrLoadException Fail(string fileName, YamlNode at, string? key, string reason) =>
        OkrLoadException.At(fileName, at.Start, key, reason);
}
