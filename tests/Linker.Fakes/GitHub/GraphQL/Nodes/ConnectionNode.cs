using System.Globalization;
using System.Text;

namespace OkrLinker.Fakes.GitHub.GraphQL.Nodes;

/// <summary>
/// A Relay connection over items ordered by a stable key (a number, a project position): cursors name the
/// key, so a page boundary survives inserts and deletions. Enforces GitHub's rules: <c>first</c> or
/// <c>last</c> is required, at most 100.
/// </summary>
internal sealed class ConnectionNode : IGraphNode
{
    private const int MaxPage = 100;
    private readonly string _typeName;
    private readonly int _totalCount;
    private readonly List<(long Key, IGraphNode Node)> _page;
    private readonly bool _hasNext;
    private readonly bool _hasPrevious;

    public ConnectionNode(string typeName, string fieldName, IReadOnlyList<(long Key, IGraphNode Node)> all, GraphArguments arguments)
    {
        _typeName = typeName;
        _totalCount = all.Count;
        var first = arguments.Int("first");
        var last = arguments.Int("last");
        if (first is null && last is null)
        {
            throw new GraphAbortException($"You must provide a `first` or `last` value to properly paginate the `{fieldName}` connection.", "MISSING_PAGINATION_BOUNDARIES");
        }

        foreach (var (name, value) in new[] { ("first", first), ("last", last) })
        {
            if (value > MaxPage)
            {
                throw new GraphAbortException($"Requesting {value} records on the `{fieldName}` connection exceeds the `{name}` limit of {MaxPage} records.", "EXCESSIVE_PAGINATION");
            }

            if (value < 0)
            {
                throw new GraphAbortException($"`{name}` on the `{fieldName}` connection cannot be less than zero.", "INVALID_PAGINATION");
            }
        }

        var window = all.AsEnumerable();
        if (arguments.String("after") is { } after)
        {
            var key = KeyOf(after);
            window = window.Where(item => item.Key > key);
        }

        if (arguments.String("before") is { } before)
        {
            var key = KeyOf(before);
            window = window.Where(item => item.Key < key);
        }

        var candidates = window.ToList();
        var page = candidates;
        if (first is { } take)
        {
            page = page.Take(take).ToList();
        }

        if (last is { } takeLast)
        {
            page = page.TakeLast(takeLast).ToList();
        }

        _page = page;
        _hasNext = page.Count > 0 ? candidates[^1].Key != page[^1].Key : false;
        _hasPrevious = page.Count > 0 && all.Count > 0 && all[0].Key != page[0].Key;
    }

    public string TypeName => _typeName;

    public static string CursorOf(long key) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes($"cursor:v2:{key.ToString(CultureInfo.InvariantCulture)}"));

    public object? Resolve(string field, GraphArguments arguments) => field switch
    {
        "totalCount" => _totalCount,
        "nodes" => _page.Select(item => item.Node).ToList(),
        "edges" => _page.Select(item => new EdgeNode(_typeName.Replace("Connection", "Edge", StringComparison.Ordinal), CursorOf(item.Key), item.Node)).ToList(),
        "pageInfo" => new PageInfoNode(
            _hasNext, _hasPrevious, _page.Count > 0 ? CursorOf(_page[0].Key) : null, _page.Count > 0 ? CursorOf(_page[^1].Key) : null),
        _ => null,
    };

    private static long KeyOf(string cursor)
    {
        try
        {
            var text = Encoding.UTF8.GetString(Convert.FromBase64String(cursor));
            if (text.StartsWith("cursor:v2:", StringComparison.Ordinal)
                && long.TryParse(text["cursor:v2:".Length..], NumberStyles.Integer, CultureInfo.InvariantCulture, out var key))
            {
                return key;
            }
        }
        catch (FormatException)
        {
            // Falls through to GitHub's answer for a cursor it did not issue.
        }

        throw new GraphAbortException($"`{cursor}` does not appear to be a valid cursor.", "INVALID_CURSOR_ARGUMENTS");
    }
}
