using System.Globalization;

namespace OkrLinker.Fakes.AzureDevOps.Wiql;

/// <summary>
/// The flat-query part of WIQL the fake understands: <c>SELECT [fields] FROM WorkItems [WHERE …] [ORDER BY …]</c>
/// with AND / OR / NOT / parentheses, <c>= &lt;&gt; &lt; &lt;= &gt; &gt;=</c>, <c>[NOT] IN (…)</c>,
/// <c>[NOT] UNDER</c>, <c>CONTAINS</c>, and the <c>@project</c> / <c>@today</c> macros. Dates compare by day
/// unless the request asks for <c>timePrecision=true</c>, as Azure DevOps does.
/// </summary>
internal sealed class WiqlQuery
{
    private readonly List<WiqlToken> _tokens;
    private readonly string? _project;
    private readonly bool _timePrecision;
    private readonly DateTimeOffset _today;
    private int _at;

    private WiqlQuery(string text, string? project, bool timePrecision, DateTimeOffset now)
    {
        _tokens = WiqlToken.Read(text);
        _project = project;
        _timePrecision = timePrecision;
        _today = new DateTimeOffset(now.UtcDateTime.Date, TimeSpan.Zero);
    }

    public required Func<FakeAdoItem, bool> Where { get; init; }

    public required IReadOnlyList<(string Field, bool Descending)> OrderBy { get; init; }

    public required IReadOnlyList<string> Columns { get; init; }

    public static WiqlQuery Parse(string text, string? project, bool timePrecision, DateTimeOffset now)
    {
        var parser = new WiqlQuery(text, project, timePrecision, now) { Where = _ => true, OrderBy = [], Columns = [] };
        return parser.ParseQuery();
    }

    public IEnumerable<FakeAdoItem> Run(IEnumerable<FakeAdoItem> items)
    {
        IOrderedEnumerable<FakeAdoItem>? sorted = null;
        foreach (var (field, descending) in OrderBy.Count > 0 ? OrderBy : [("System.Id", false)])
        {
            Func<FakeAdoItem, object?> key = i => WiqlFields.Value(i, field);
            sorted = sorted is null
                ? descending ? items.Where(Where).OrderByDescending(key, ValueComparer.Instance) : items.Where(Where).OrderBy(key, ValueComparer.Instance)
                : descending ? sorted.ThenByDescending(key, ValueComparer.Instance) : sorted.ThenBy(key, ValueComparer.Instance);
        }

        return sorted!;
    }

    private WiqlQuery ParseQuery()
    {
        Expect("SELECT");
        var columns = new List<string> { WiqlFields.Resolve(ExpectField()) };
        while (Peek.Is(","))
        {
            _at++;
            columns.Add(WiqlFields.Resolve(ExpectField()));
        }

        Expect("FROM");
        var source = Next();
        if (!string.Equals(source.Text, "WorkItems", StringComparison.OrdinalIgnoreCase))
        {
            throw new WiqlException($"VS402338: The fake answers flat queries FROM WorkItems only, not «{source.Text}».");
        }

        Func<FakeAdoItem, bool> where = _ => true;
        if (Peek.Is("WHERE"))
        {
            _at++;
            where = ParseOr();
        }

        var order = new List<(string, bool)>();
        if (Peek.Is("ORDER"))
        {
            _at++;
            Expect("BY");
            do
            {
                if (order.Count > 0)
                {
                    _at++;
                }

                var field = WiqlFields.Resolve(ExpectField());
                var descending = false;
                if (Peek.Is("ASC") || Peek.Is("DESC"))
                {
                    descending = Next().Is("DESC");
                }

                order.Add((field, descending));
            }
            while (Peek.Is(","));
        }

        if (Peek.Kind != WiqlTokenKind.End)
        {
            throw new WiqlException($"TF51006: The query statement is not valid near «{Peek.Text}».");
        }

        return new WiqlQuery(_tokens, _project, _timePrecision, _today) { Where = where, OrderBy = order, Columns = columns };
    }

    private WiqlQuery(List<WiqlToken> tokens, string? project, bool timePrecision, DateTimeOffset today)
    {
        _tokens = tokens;
        _project = project;
        _timePrecision = timePrecision;
        _today = today;
    }

    private Func<FakeAdoItem, bool> ParseOr() => ParseChain("OR", ParseAnd, any: true);

    private Func<FakeAdoItem, bool> ParseAnd() => ParseChain("AND", ParseNot, any: false);

    // "a OR b OR c" (any: true) or "a AND b AND c" (any: false), left to right and short-circuited.
    private Func<FakeAdoItem, bool> ParseChain(string word, Func<Func<FakeAdoItem, bool>> operand, bool any)
    {
        var left = operand();
        while (Peek.Is(word))
        {
            _at++;
            var l = left;
            var r = operand();
            left = any ? i => l(i) || r(i) : i => l(i) && r(i);
        }

        return left;
    }

    private Func<FakeAdoItem, bool> ParseNot()
    {
        if (Peek.Is("NOT"))
        {
            _at++;
            var inner = ParseNot();
            return i => !inner(i);
        }

        if (Peek.Is("("))
        {
            _at++;
            var inner = ParseOr();
            Expect(")");
            return inner;
        }

        return ParsePredicate();
    }

    private Func<FakeAdoItem, bool> ParsePredicate()
    {
        var field = WiqlFields.Resolve(ExpectField());
        var negate = false;
        if (Peek.Is("NOT"))
        {
            _at++;
            negate = true;
        }

        var op = Next();
        Func<FakeAdoItem, bool> test;
        if (op.Is("IN"))
        {
            Expect("(");
            var values = new List<object?> { ParseValue(field) };
            while (Peek.Is(","))
            {
                _at++;
                values.Add(ParseValue(field));
            }

            Expect(")");

            // Sets, not scans: a slice query can leave out hundreds of ids.
            var numbers = values.OfType<double>().ToHashSet();
            var texts = values.OfType<string>().ToHashSet(StringComparer.OrdinalIgnoreCase);
            test = i => WiqlFields.Value(i, field) switch
            {
                double d => numbers.Contains(d),
                string t => texts.Contains(t),
                var other => values.Any(v => Compare(field, other, v) == 0),
            };
        }
        else if (op.Is("UNDER"))
        {
            var path = (string)ParseValue(field)!;
            test = i => WiqlFields.Value(i, field) is string p
                && (string.Equals(p, path, StringComparison.OrdinalIgnoreCase) || p.StartsWith(path + "\\", StringComparison.OrdinalIgnoreCase));
        }
        else if (op.Is("CONTAINS"))
        {
            var part = (string)ParseValue(field)!;
            test = i => field == "System.Tags"
                ? ((string)WiqlFields.Value(i, field)!).Split(';', StringSplitOptions.TrimEntries).Contains(part, StringComparer.OrdinalIgnoreCase)
                : WiqlFields.Value(i, field) is string s && s.Contains(part, StringComparison.OrdinalIgnoreCase);
        }
        else if (op.Kind == WiqlTokenKind.Symbol && op.Text is "=" or "<>" or "!=" or "<" or "<=" or ">" or ">=")
        {
            var value = ParseValue(field);
            test = op.Text switch
            {
                "=" => i => Compare(field, WiqlFields.Value(i, field), value) == 0,
                "<>" or "!=" => i => Compare(field, WiqlFields.Value(i, field), value) != 0,
                "<" => i => WiqlFields.Value(i, field) is { } v && Compare(field, v, value) < 0,
                "<=" => i => WiqlFields.Value(i, field) is { } v && Compare(field, v, value) <= 0,
                ">" => i => WiqlFields.Value(i, field) is { } v && Compare(field, v, value) > 0,
                _ => i => WiqlFields.Value(i, field) is { } v && Compare(field, v, value) >= 0,
            };
        }
        else
        {
            throw new WiqlException($"TF51006: The query statement has an unknown operator «{op.Text}».");
        }

        return negate ? i => !test(i) : test;
    }

    private object? ParseValue(string field)
    {
        var token = Next();
        switch (token.Kind)
        {
            case WiqlTokenKind.String when WiqlFields.IsDate(field):
                if (!DateTimeOffset.TryParse(token.Text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var date))
                {
                    throw new WiqlException($"TF51010: The query statement is not valid: «{token.Text}» is not a date.");
                }

                return date;
            case WiqlTokenKind.String:
                return token.Text;
            case WiqlTokenKind.Number:
                return double.Parse(token.Text, CultureInfo.InvariantCulture);
            case WiqlTokenKind.Macro when token.Text.Equals("@project", StringComparison.OrdinalIgnoreCase):
                return _project ?? throw new WiqlException("VS402352: The @project macro needs a project in the URL.");
            case WiqlTokenKind.Macro when token.Text.Equals("@today", StringComparison.OrdinalIgnoreCase):
                var days = 0;
                if (Peek.Is("-") || Peek.Is("+"))
                {
                    var sign = Next().Is("-") ? -1 : 1;
                    days = sign * int.Parse(Next().Text, CultureInfo.InvariantCulture);
                }

                return _today.AddDays(days);
            default:
                throw new WiqlException($"TF51006: The query statement expects a value, not «{token.Text}».");
        }
    }

    private int Compare(string field, object? left, object? right)
    {
        if (left is DateTimeOffset l && right is DateTimeOffset r && !_timePrecision)
        {
            // Without timePrecision=true Azure DevOps compares dates by day.
            return l.UtcDateTime.Date.CompareTo(r.UtcDateTime.Date);
        }

        _ = field;
        return ValueComparer.Instance.Compare(left, right);
    }

    private WiqlToken Peek => _tokens[_at];

    private WiqlToken Next()
    {
        var token = _tokens[Math.Min(_at, _tokens.Count - 1)];
        if (_at < _tokens.Count - 1)
        {
            _at++;
        }

        return token;
    }

    private void Expect(string word)
    {
        var token = Next();
        if (!token.Is(word))
        {
            throw new WiqlException($"TF51006: The query statement expects «{word}» near «{token.Text}».");
        }
    }

    private string ExpectField()
    {
        var token = Next();
        return token.Kind == WiqlTokenKind.Field ? token.Text
            : throw new WiqlException($"TF51006: The query statement expects a field in brackets near «{token.Text}».");
    }

    private sealed class ValueComparer : IComparer<object?>
    {
        public static readonly ValueComparer Instance = new();

        public int Compare(object? x, object? y) => (x, y) switch
        {
            (null, null) => 0,
            (null, _) => -1,
            (_, null) => 1,
            (double a, double b) => a.CompareTo(b),
            (DateTimeOffset a, DateTimeOffset b) => a.CompareTo(b),
            (string a, string b) => string.Compare(a, b, StringComparison.OrdinalIgnoreCase),
            _ => string.Compare(Convert.ToString(x, CultureInfo.InvariantCulture), Convert.ToString(y, CultureInfo.InvariantCulture), StringComparison.OrdinalIgnoreCase),
        };
    }
}
