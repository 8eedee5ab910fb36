using System.Globalization;

namespace OkrLinker.Fakes.GitHub.GraphQL;

/// <summary>A field's argument values after variables and schema defaults are applied.</summary>
internal sealed class GraphArguments(IReadOnlyDictionary<string, object?> values)
{
    public static readonly GraphArguments None = new(new Dictionary<string, object?>());

    public object? this[string name] => values.GetValueOrDefault(name);

    public string? String(string name) => values.GetValueOrDefault(name)?.ToString();

    public int? Int(string name) => values.GetValueOrDefault(name) switch
    {
        null => null,
        int value => value,
        long value => (int)value,
        double value => (int)value,
        var other => int.Parse(other.ToString()!, CultureInfo.InvariantCulture),
    };

    public IReadOnlyList<string>? Strings(string name) => values.GetValueOrDefault(name) switch
    {
        null => null,
        IEnumerable<object?> list => list.Select(item => item?.ToString() ?? "").ToList(),
        var single => [single.ToString()!],
    };
}
