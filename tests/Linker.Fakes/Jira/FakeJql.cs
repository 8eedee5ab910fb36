using System.Globalization;
using System.Text;

namespace OkrLinker.Fakes.Jira;

/// <summary>
/// The JQL the fake understands: clauses on project, key, id, issuetype, status, labels, created and updated
/// (<c>= != &gt; &gt;= &lt; &lt;= in, not in</c>) joined by AND / OR / NOT and parentheses, then
/// <c>ORDER BY</c> created, key, updated or id. A date is a number (UTC epoch milliseconds) or, as Jira reads
/// it, a zone-less <c>yyyy/MM/dd [HH:mm]</c> in the profile zone, to the minute. Anything else is a 400.
/// </summary>
public sealed class FakeJql
{
    private static readonly HashSet<string> Fields =
        ["project", "key", "issuekey", "id", "issuetype", "type", "status", "labels", "created", "createddate", "updated", "updateddate"];

    private static readonly string[] DateFormats = ["yyyy/MM/dd HH:mm", "yyyy-MM-dd HH:mm", "yyyy/MM/dd", "yyyy-MM-dd"];

    private readonly List<string> tokens;
    private readonly TimeZoneInfo zone;
    private readonly IReadOnlyCollection<string> projects;
    private int at;

    private FakeJql(string text, TimeZoneInfo zone, IReadOnlyCollection<string> projects)
    {
        tokens = Tokenize(text);
        this.zone = zone;
        this.projects = projects;
    }

    public required Func<FakeJiraIssue, bool> Matches { get; init; }

    public required IComparer<FakeJiraIssue> Order { get; init; }

    /// <exception cref="FakeJqlException">Jira would answer 400.</exception>
    public static FakeJql Parse(string text, TimeZoneInfo zone, IReadOnlyCollection<string> projects)
    {
        var parser = new FakeJql(text, zone, projects) { Matches = _ => true, Order = Comparer<FakeJiraIssue>.Create((a, b) => a.Id.CompareTo(b.Id)) };
        Func<FakeJiraIssue, bool> matches = _ => true;
        if (parser.Peek is not null && !parser.PeekIs("order"))
        {
            matches = parser.Or();
        }

        var order = parser.PeekIs("order") ? parser.OrderBy() : Comparer<FakeJiraIssue>.Create((a, b) => b.Created.CompareTo(a.Created));
        if (parser.Peek is { } extra)
        {
            throw new FakeJqlException($"Error in the JQL Query: Expecting either 'OR' or 'AND' but got '{extra}'.");
        }

        return new FakeJql(text, zone, projects) { Matches = matches, Order = order };
    }

    private string? Peek => at < tokens.Count ? tokens[at] : null;

    private bool PeekIs(string word) => string.Equals(Peek, word, StringComparison.OrdinalIgnoreCase);

    private string Next() => at < tokens.Count ? tokens[at++] : throw new FakeJqlException("Error in the JQL Query: The query is incomplete.");

    private void Expect(string word)
    {
        var got = Next();
        if (!string.Equals(got, word, StringComparison.OrdinalIgnoreCase))
        {
            throw new FakeJqlException($"Error in the JQL Query: Expecting '{word}' but got '{got}'.");
        }
    }

    private Func<FakeJiraIssue, bool> Or()
    {
        var left = And();
        while (PeekIs("or"))
        {
            Next();
            var l = left;
            var r = And();
            left = i => l(i) || r(i);
        }

        return left;
    }

    private Func<FakeJiraIssue, bool> And()
    {
        var left = Unary();
        while (PeekIs("and"))
        {
            Next();
            var l = left;
            var r = Unary();
            left = i => l(i) && r(i);
        }

        return left;
    }

    private Func<FakeJiraIssue, bool> Unary()
    {
        if (PeekIs("not"))
        {
            Next();
            var inner = Unary();
            return i => !inner(i);
        }

        if (Peek == "(")
        {
            Next();
            var inner = Or();
            Expect(")");
            return inner;
        }

        return Clause();
    }

    private Func<FakeJiraIssue, bool> Clause()
    {
        var field = Next().ToLowerInvariant();
        if (!Fields.Contains(field))
        {
            throw new FakeJqlException($"Field '{field}' does not exist or you do not have permission to view it.");
        }

        var op = Next().ToLowerInvariant();
        if (op == "not")
        {
            Expect("in");
            op = "not in";
        }

        var values = op is "in" or "not in" ? List() : [Value()];
        Func<FakeJiraIssue, bool> test = field switch
        {
            "project" => Text(op, values.Select(Project).ToList(), i => i.Project),
            "key" or "issuekey" => Text(op, values, i => i.Key),
            "id" => Text(op, values, i => i.Id.ToString(CultureInfo.InvariantCulture)),
            "issuetype" or "type" => Text(op, values, i => i.Type),
            "status" => Text(op, values, i => i.Status),
            "labels" => op is "=" or "in" ? i => i.Labels.Any(l => values.Contains(l, StringComparer.OrdinalIgnoreCase))
                : op is "!=" or "not in" ? i => !i.Labels.Any(l => values.Contains(l, StringComparer.OrdinalIgnoreCase))
                : throw Unsupported(op, field),
            "created" or "createddate" => Date(op, field, values, i => i.Created),
            "updated" or "updateddate" => Date(op, field, values, i => i.Updated),
            _ => throw new FakeJqlException($"Field '{field}' does not exist or you do not have permission to view it."),
        };
        return test;
    }

    private string Project(string value) =>
        projects.FirstOrDefault(p => string.Equals(p, value, StringComparison.OrdinalIgnoreCase))
        ?? throw new FakeJqlException($"The value '{value}' does not exist for the field 'project'.");

    private static Func<FakeJiraIssue, bool> Text(string op, IReadOnlyList<string> values, Func<FakeJiraIssue, string> of) => op switch
    {
        "=" or "in" => i => values.Contains(of(i), StringComparer.OrdinalIgnoreCase),
        "!=" or "not in" => i => !values.Contains(of(i), StringComparer.OrdinalIgnoreCase),
        _ => throw Unsupported(op, "text"),
    };

    private Func<FakeJiraIssue, bool> Date(string op, string field, IReadOnlyList<string> values, Func<FakeJiraIssue, DateTimeOffset> of)
    {
        var bound = ReadDate(field, values.Single());
        return op switch
        {
            ">=" => i => of(i) >= bound,
            ">" => i => of(i) > bound,
            "<=" => i => of(i) <= bound,
            "<" => i => of(i) < bound,
            "=" => i => of(i) == bound,
            "!=" => i => of(i) != bound,
            _ => throw Unsupported(op, field),
        };
    }

    // Jira: a number is epoch milliseconds; a date without a zone is the profile zone's, to the minute.
    private DateTimeOffset ReadDate(string field, string value)
    {
        if (long.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var millis))
        {
            return DateTimeOffset.FromUnixTimeMilliseconds(millis);
        }

        if (DateTime.TryParseExact(value, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
        {
            var wall = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
            return new DateTimeOffset(wall, zone.GetUtcOffset(wall));
        }

        throw new FakeJqlException(
            $"Date value '{value}' for field '{field}' is invalid. Valid formats include: 'yyyy/MM/dd HH:mm', 'yyyy-MM-dd HH:mm', 'yyyy/MM/dd', 'yyyy-MM-dd', or a period format e.g. '-5d', '4w 2d'.");
    }

    private List<string> List()
    {
        Expect("(");
        var values = new List<string> { Value() };
        while (Peek == ",")
        {
            Next();
            values.Add(Value());
        }

        Expect(")");
        return values;
    }

    private string Value()
    {
        var token = Next();
        return token is "(" or ")" or "," ? throw new FakeJqlException($"Error in the JQL Query: Expecting a value but got '{token}'.")
            : token.Length >= 2 && token[0] is '"' or '\'' ? token[1..^1].Replace("\\\"", "\"", StringComparison.Ordinal) : token;
    }

    private IComparer<FakeJiraIssue> OrderBy()
    {
        Expect("order");
        Expect("by");
        var keys = new List<(Func<FakeJiraIssue, IComparable> Of, bool Descending)>();
        do
        {
            if (keys.Count > 0)
            {
                Next();
            }

            var field = Next().ToLowerInvariant();
            Func<FakeJiraIssue, IComparable> of = field switch
            {
                "created" => i => i.Created,
                "updated" => i => i.Updated,
                "id" => i => i.Id,
                // Jira sorts keys by project, then by number (PAY-9 before PAY-10).
                "key" or "issuekey" => i => (i.Project, i.Number),
                _ => throw new FakeJqlException($"Not able to sort using field '{field}'."),
            };
            var descending = false;
            if (PeekIs("asc") || PeekIs("desc"))
            {
                descending = PeekIs("desc");
                Next();
            }

            keys.Add((of, descending));
        }
        while (Peek == ",");

        return Comparer<FakeJiraIssue>.Create((a, b) =>
        {
            foreach (var (of, descending) in keys)
            {
                var c = of(a).CompareTo(of(b));
                if (c != 0)
                {
                    return descending ? -c : c;
                }
            }

            return a.Id.CompareTo(b.Id);
        });
    }

    private static FakeJqlException Unsupported(string op, string field) =>
        new($"The operator '{op}' is not supported by the '{field}' field.");

    private static List<string> Tokenize(string text)
    {
        var tokens = new List<string>();
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (char.IsWhiteSpace(c))
            {
                i++;
            }
            else if (c is '(' or ')' or ',')
            {
                tokens.Add(c.ToString());
                i++;
            }
            else if (c is '=' or '!' or '<' or '>' or '~')
            {
                var op = i + 1 < text.Length && text[i + 1] == '=' ? text.Substring(i, 2) : c.ToString();
                tokens.Add(op);
                i += op.Length;
            }
            else if (c is '"' or '\'')
            {
                var end = i + 1;
                var value = new StringBuilder().Append(c);
                while (end < text.Length && text[end] != c)
                {
                    value.Append(text[end] == '\\' && end + 1 < text.Length ? text[++end] : text[end]);
                    end++;
                }

                if (end >= text.Length)
                {
                    throw new FakeJqlException("Error in the JQL Query: The quoted string has not been completed.");
                }

                tokens.Add(value.Append(c).ToString());
                i = end + 1;
            }
            else
            {
                var start = i;
                while (i < text.Length && !char.IsWhiteSpace(text[i]) && text[i] is not ('(' or ')' or ',' or '=' or '!' or '<' or '>' or '~' or '"' or '\''))
                {
                    i++;
                }

                tokens.Add(text[start..i]);
            }
        }

        return tokens;
    }
}
