using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using OkrLinker.Connectors.Http;
using OkrLinker.Core.Configuration;
using OkrLinker.Core.Metrics;

namespace OkrLinker.Connectors.Metrics.Sql;

/// <summary>
/// The <c>sql</c> provider: okrs.yaml's <c>query</c> is one read-only SELECT, run on PostgreSQL or SQLite with the
/// connection string from <c>ConnectionStringEnv</c>. It is refused before it runs unless <see cref="ReadOnlyStatement"/>
/// passes it, then runs in a read-only session (<c>SET TRANSACTION READ ONLY</c> / <c>PRAGMA query_only</c>) under the
/// provider's <c>Timeout</c>. One number is the value now; rows of (timestamp, value) are the history in the range.
/// </summary>
internal sealed class SqlMetricProvider(MetricProviderOptions options, SecretReader secrets, TimeProvider time) : IMetricProvider
{
    public const string Kind = "sql";

    private const string Postgres = "Postgres";
    private const string Sqlite = "Sqlite";

    // PostgreSQL: a write in a read-only transaction; a statement cancelled by statement_timeout.
    private const string ReadOnlyViolation = "25006";
    private const string QueryCanceled = "57014";

    // SQLite: a write under query_only / a read-only connection; a statement stopped by sqlite3_interrupt.
    private const int SqliteReadOnly = 8;
    private const int SqliteInterrupted = 9;

    public string Name => options.Name;

    public static MetricProviderKind Registration => new(Kind, Create) { Validate = Validate };

    private bool IsPostgres => string.Equals(options.Dialect, Postgres, StringComparison.OrdinalIgnoreCase);

    public async Task<IReadOnlyList<MetricSample>> ReadAsync(MetricRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var sql = request.Metric.Query;
        if (ReadOnlyStatement.Refusal(sql) is { } refusal)
        {
            throw MetricProviderException.Because(Name, request.KrId, $"refused before it ran: {refusal}");
        }

        string connectionString;
        try
        {
            connectionString = secrets.Require("ConnectionStringEnv", options.ConnectionStringEnv, "missing; name the environment variable that holds the connection string").Value;
        }
        catch (SecretException e)
        {
            throw MetricProviderException.Because(Name, request.KrId, e.Message, e);
        }

        var result = await ProviderCall.RunAsync(Name, request.KrId, options.Timeout, async token =>
        {
            try
            {
                return IsPostgres ? await ReadPostgresAsync(connectionString, sql, token) : await ReadSqliteAsync(connectionString, sql, token);
            }
            catch (InvalidDataException e)
            {
                throw MetricProviderException.Because(Name, request.KrId, e.Message, e);
            }
            catch (DbException e) when (!token.IsCancellationRequested)
            {
                throw Failure(e, request.KrId);
            }
        }, cancellationToken);

        return result switch
        {
            SqlResult.Scalar scalar => [new MetricSample(request.KrId, time.GetUtcNow(), scalar.Value)],
            SqlResult.Rows rows => [.. rows.Points
                .Where(p => p.At >= request.From && p.At <= request.To)
                .OrderBy(p => p.At)
                .Select(p => new MetricSample(request.KrId, p.At, p.Value))],
            _ => [],
        };
    }

    private async Task<SqlResult> ReadPostgresAsync(string connectionString, string sql, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var milliseconds = (long)Math.Ceiling(options.Timeout.TotalMilliseconds);
        await using (var session = new NpgsqlCommand($"SET TRANSACTION READ ONLY; SET LOCAL statement_timeout = {milliseconds}", connection, transaction))
        {
            await session.ExecuteNonQueryAsync(cancellationToken);
        }

        await using var command = new NpgsqlCommand(sql, connection, transaction) { CommandTimeout = CommandSeconds };
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var result = await SqlResult.ReadAsync(reader, cancellationToken);
        await reader.CloseAsync();
        await transaction.RollbackAsync(cancellationToken);
        return result;
    }

    private async Task<SqlResult> ReadSqliteAsync(string connectionString, string sql, CancellationToken cancellationToken)
    {
        // Mode=ReadOnly also keeps a wrong path from creating an empty database.
        var builder = new SqliteConnectionStringBuilder(connectionString) { Mode = SqliteOpenMode.ReadOnly };
        await using var connection = new SqliteConnection(builder.ToString());
        await connection.OpenAsync(cancellationToken);
        await using (var session = new SqliteCommand("PRAGMA query_only = ON", connection))
        {
            await session.ExecuteNonQueryAsync(cancellationToken);
        }

        // SQLite's command timeout only bounds waiting for locks; a long query stops when interrupted.
        await using var interrupt = cancellationToken.Register(() => SQLitePCL.raw.sqlite3_interrupt(connection.Handle));
        await using var command = new SqliteCommand(sql, connection) { CommandTimeout = CommandSeconds };
        try
        {
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            return await SqlResult.ReadAsync(reader, cancellationToken);
        }
        catch (SqliteException e) when (e.SqliteErrorCode == SqliteInterrupted && cancellationToken.IsCancellationRequested)
        {
            throw new OperationCanceledException("interrupted", e, cancellationToken);
        }
    }

    private int CommandSeconds => Math.Max(1, (int)Math.Ceiling(options.Timeout.TotalSeconds));

    private MetricProviderException Failure(DbException e, string krId) => e switch
    {
        PostgresException { SqlState: ReadOnlyViolation } pg => MetricProviderException.Because(Name, krId, $"refused by the read-only session: {pg.MessageText}", e),
        PostgresException { SqlState: QueryCanceled } => MetricProviderException.Because(Name, krId, $"no answer within {ProviderCall.Seconds(options.Timeout)} (Metrics:Providers Timeout)", e),
        PostgresException pg => MetricProviderException.Because(Name, krId, $"PostgreSQL refused the query: {pg.SqlState}: {pg.MessageText}", e),
        NpgsqlException { InnerException: TimeoutException } => MetricProviderException.Because(Name, krId, $"no answer within {ProviderCall.Seconds(options.Timeout)} (Metrics:Providers Timeout)", e),
        NpgsqlException => MetricProviderException.Because(Name, krId, $"cannot reach PostgreSQL: {e.Message}", e),
        SqliteException { SqliteErrorCode: SqliteReadOnly } => MetricProviderException.Because(Name, krId, $"refused by the read-only session: {e.Message}", e),
        _ => MetricProviderException.Because(Name, krId, $"SQLite refused the query: {e.Message}", e),
    };

    private static SqlMetricProvider Create(IServiceProvider services, MetricProviderOptions options) =>
        new(options, SourceServices.Secrets(services), services.GetService<TimeProvider>() ?? TimeProvider.System);

    private static IEnumerable<string> Validate(MetricProviderOptions options)
    {
        if (!string.Equals(options.Dialect, Postgres, StringComparison.OrdinalIgnoreCase) && !string.Equals(options.Dialect, Sqlite, StringComparison.OrdinalIgnoreCase))
        {
            yield return $"Dialect: '{options.Dialect}' is not {Postgres} or {Sqlite}";
        }

        if (string.IsNullOrWhiteSpace(options.ConnectionStringEnv))
        {
            yield return "ConnectionStringEnv: name the environment variable that holds the connection string";
        }
    }
}
