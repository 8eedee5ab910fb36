using OkrLinker.Core.Configuration;
using OkrLinker.Core.Items;

namespace OkrLinker.Core.Linking;

/// <summary>
/// One validated entry of <c>Linking.Rules</c> or <c>Linking.Bau</c>: an optional source, then a label
/// the item carries or a field compared with Equals / StartsWith, all case-insensitively.
/// </summary>
internal sealed class LinkRule
{
    private const string FieldNames = "type, state, team, project, area, component, repo, category";

    // "components" is how DESIGN.md's sample config spells it; both read the Jira components.
    private static readonly Dictionary<string, RuleField> Fields = new(StringComparer.OrdinalIgnoreCase)
    {
        ["type"] = RuleField.Type,
        ["state"] = RuleField.State,
        ["team"] = RuleField.Team,
        ["project"] = RuleField.Project,
        ["area"] = RuleField.Area,
        ["component"] = RuleField.Component,
        ["components"] = RuleField.Component,
        ["repo"] = RuleField.Repo,
        ["category"] = RuleField.Category,
    };

    private readonly string? _source;
    private readonly string? _label;
    private readonly RuleField _field;
    private readonly string? _equals;
    private readonly string? _startsWith;

    private LinkRule(string key, string? source, string? label, RuleField field, string? equals, string? startsWith, string? kr)
    {
        Key = key;
        _source = source;
        _label = label;
        _field = field;
        _equals = equals;
        _startsWith = startsWith;
        Kr = kr;
    }

    /// <summary>The KR this rule links to, as okrs.yaml spells it; null for BAU rules.</summary>
    public string? Kr { get; }

    /// <summary>The rule's configuration key, e.g. <c>Linking:Rules:0</c>.</summary>
    public string Key { get; }

    /// <summary>What the rule matches, in words: <c>source jira, component equals Checkout</c>, <c>label support</c>.</summary>
    public string Describe()
    {
        var what = _label is not null
            ? $"label {_label}"
            : $"{_field.ToString().ToLowerInvariant()} {(_equals is not null ? $"equals {_equals}" : $"starts with {_startsWith}")}";
        return _source is null ? what : $"source {_source}, {what}";
    }

    /// <param name="key">The rule's configuration key, e.g. <c>Linking:Rules:0</c>.</param>
    /// <param name="catalog">The current KRs for a linking rule; null for a BAU rule (which must not name one).</param>
    /// <param name="matchOnly">
    /// For matching only (<see cref="LinkFactsReader"/>, without an OKR set): the rule's KR is kept as written and not checked.
    /// </param>
    /// <exception cref="LinkingConfigException">The rule cannot be applied as written.</exception>
    public static LinkRule Compile(RuleOptions? options, string key, KrCatalog? catalog, bool matchOnly = false)
    {
        if (options is null)
        {
            throw new LinkingConfigException(key, "the rule is empty");
        }

        var label = Value(options.Label);
        var fieldName = Value(options.Field);
        var equals = Value(options.EqualsValue);
        var startsWith = Value(options.StartsWith);

        if (label is null && fieldName is null)
        {
            throw new LinkingConfigException(key, $"set Label or Field ({FieldNames})");
        }

        if (label is not null && fieldName is not null)
        {
            throw new LinkingConfigException(key, "set Label or Field, not both");
        }

        var field = default(RuleField);
        if (fieldName is not null)
        {
            if (!Fields.TryGetValue(fieldName, out field))
            {
                throw new LinkingConfigException($"{key}:Field", $"unknown field '{fieldName}' ({FieldNames})");
            }

            if (equals is null && startsWith is null)
            {
                throw new LinkingConfigException(key, $"Field '{fieldName}' needs Equals or StartsWith");
            }

            if (equals is not null && startsWith is not null)
            {
                throw new LinkingConfigException(key, "set Equals or StartsWith, not both");
            }

            if (field == RuleField.Category && equals is not null)
            {
                equals = CategoryName(equals, key);
            }
        }
        else if (equals is not null || startsWith is not null)
        {
            throw new LinkingConfigException(key, "a Label rule matches the whole label; drop Equals/StartsWith or use Field");
        }

        return new LinkRule(key, Value(options.Source), label, field, equals, startsWith, matchOnly ? Value(options.Kr) : ResolveKr(options.Kr, key, catalog));
    }

    public bool Matches(WorkItem item)
    {
        if (_source is not null && !string.Equals(item.Source, _source, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        if (_label is not null)
        {
            foreach (var l in item.Labels)
            {
                if (string.Equals(l.Trim(), _label, StringComparison.OrdinalIgnoreCase))
                {
                    return true;
                }
            }

            return false;
        }

        // The one-valued fields without a list per item: a rule is tried on every unlinked item of a million.
        switch (_field)
        {
            case RuleField.Type:
                return Compare(item.Type.Trim());
            case RuleField.State:
                return Compare(item.State.Trim());
            case RuleField.Team:
                return Compare(item.Team.Trim());
            default:
                foreach (var v in ValuesOf(item))
                {
                    if (Compare(v.Trim()))
                    {
                        return true;
                    }
                }

                return false;
        }
    }

    private bool Compare(string value) =>
        _equals is not null
            ? string.Equals(value, _equals, StringComparison.OrdinalIgnoreCase)
            : value.StartsWith(_startsWith!, StringComparison.OrdinalIgnoreCase);

    private IReadOnlyList<string> ValuesOf(WorkItem item) => _field switch
    {
        RuleField.Type => [item.Type],
        RuleField.State => [item.State],
        RuleField.Team => [item.Team],
        RuleField.Project => Present(item.Project),
        RuleField.Area => Present(item.Area),
        RuleField.Component => item.Components,

        // GitHub items carry owner/repo as their project; that is the repo a rule names.
        RuleField.Repo => Present(item.Project),
        RuleField.Category => [item.Category.ToString()],
        _ => [],
    };

    private static string? ResolveKr(string? kr, string key, KrCatalog? catalog)
    {
        var id = Value(kr);
        if (catalog is null)
        {
            return id is null
                ? null
                : throw new LinkingConfigException($"{key}:Kr", "a BAU rule links to no KR; move it to Linking:Rules");
        }

        if (id is null)
        {
            throw new LinkingConfigException($"{key}:Kr", "a linking rule needs the KR it links to");
        }

        return catalog.Find(id)?.Id
            ?? throw new LinkingConfigException(
                $"{key}:Kr", $"'{id}' is not a KR of {catalog.PeriodName} ({catalog.CurrentIdList})");
    }

    // Stored categories are the enum's names; "in progress" and "in-progress" read as InProgress.
    private static string CategoryName(string value, string key)
    {
        var compact = value.Replace(" ", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal);
        return !int.TryParse(compact, out _) && Enum.TryParse<StateCategory>(compact, ignoreCase: true, out var category)
            ? category.ToString()
            : throw new LinkingConfigException($"{key}:Equals", $"'{value}' is not a state category (ToDo, InProgress, Done, Removed)");
    }

    private static string[] Present(string? value) => value is null ? [] : [value];

    private static string? Value(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
