using System.Text;
using System.Text.RegularExpressions;

namespace OkrLinker.Connectors.Metrics.Sql;

/// <summary>
/// The check a sql query passes before it is sent: one statement, a SELECT or WITH … SELECT, and none of the words
/// that write or change the session (INSERT, UPDATE, DELETE, INTO, CREATE, SET, …) outside strings, quoted names and
/// comments. The read-only session the query then runs in is the second guard, for what words cannot show.
/// </summary>
internal static partial class ReadOnlyStatement
{
    private static readonly HashSet<string> Refused = new(StringComparer.OrdinalIgnoreCase)
    {
        "INSERT", "UPDATE", "DELETE", "MERGE", "UPSERT", "INTO", "CREATE", "DROP", "ALTER", "TRUNCATE", "GRANT", "REVOKE",
        "COPY", "VACUUM", "ANALYZE", "REINDEX", "CLUSTER", "ATTACH", "DETACH", "PRAGMA", "CALL", "DO", "EXECUTE", "PREPARE",
        "DEALLOCATE", "LOCK", "COMMENT", "REFRESH", "LISTEN", "NOTIFY", "SET", "RESET", "DISCARD", "BEGIN", "COMMIT",
        "ROLLBACK", "SAVEPOINT", "RELEASE", "LOAD", "IMPORT",
    };

    /// <summary>Why <paramref name="sql"/> is refused, or null when it may run.</summary>
    public static string? Refusal(string sql)
    {
        var code = Blank(sql).Trim();
        if (code.EndsWith(';'))
        {
            code = code[..^1].TrimEnd();
        }

        if (code.Length == 0)
        {
            return "the query is empty";
        }

        if (code.Contains(';', StringComparison.Ordinal))
        {
            return "only one statement may run; this query holds several";
        }

        var words = Word().Matches(code).Select(m => m.Value).ToList();
        var first = words.Count == 0 ? "" : words[0];
        if (!first.Equals("SELECT", StringComparison.OrdinalIgnoreCase) && !first.Equals("WITH", StringComparison.OrdinalIgnoreCase))
        {
            return $"only a SELECT (or WITH … SELECT) may run; this statement starts with {first.ToUpperInvariant()}";
        }

        var refused = words.FirstOrDefault(Refused.Contains);
        return refused is null ? null : $"only a SELECT (or WITH … SELECT) that writes nothing may run; this one has {refused.ToUpperInvariant()}";
    }

    // Comments, 'strings' (with '' inside), "quoted names" and PostgreSQL $tag$ bodies $tag$ become spaces: words
    // in them are data, not SQL. An unterminated one runs to the end, which hides nothing from the server's parser.
    private static string Blank(string sql)
    {
        var code = new StringBuilder(sql.Length);
        var i = 0;
        while (i < sql.Length)
        {
            var end = sql[i] switch
            {
                '-' when At(sql, i, "--") => IndexOrEnd(sql, "\n", i + 2),
                '/' when At(sql, i, "/*") => IndexOrEnd(sql, "*/", i + 2) + 2,
                '\'' => Closing(sql, '\'', i),
                '"' => Closing(sql, '"', i),
                '$' when DollarTag().Match(sql, i) is { Success: true, Index: var at } tag && at == i
                    => IndexOrEnd(sql, tag.Value, i + tag.Length) + tag.Length,
                _ => -1,
            };
            if (end < 0)
            {
                code.Append(sql[i]);
                i++;
                continue;
            }

            end = Math.Min(end, sql.Length);
            code.Append(' ', end - i);
            i = end;
        }

        return code.ToString();
    }

    private static bool At(string sql, int i, string token) => string.CompareOrdinal(sql, i, token, 0, token.Length) == 0;

    private static int IndexOrEnd(string sql, string token, int from)
    {
        var at = sql.IndexOf(token, Math.Min(from, sql.Length), StringComparison.Ordinal);
        return at < 0 ? sql.Length : at;
    }

    // The index after the closing quote; a doubled quote inside is an escaped one.
    private static int Closing(string sql, char quote, int open)
    {
        var i = open + 1;
        while (i < sql.Length)
        {
            if (sql[i] == quote)
            {
                if (i + 1 < sql.Length && sql[i + 1] == quote)
                {
                    i += 2;
                    continue;
                }

                return i + 1;
            }

            i++;
        }

        return sql.Length;
    }

    [GeneratedRegex(@"[A-Za-z_][A-Za-z0-9_]*")]
    private static partial Regex Word();

    [GeneratedRegex(@"\$[A-Za-z_]?[A-Za-z0-9_]*\$")]
    private static partial Regex DollarTag();
}
