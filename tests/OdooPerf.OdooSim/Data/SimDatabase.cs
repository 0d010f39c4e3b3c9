using Npgsql;
using OdooPerf.OdooSim.Orm;

namespace OdooPerf.OdooSim.Data;

/// <summary>
/// The PostgreSQL database behind the simulator: its connection pool, its schema (created on start,
/// recreated when it is the simulator's own), and cursors for requests.
/// </summary>
internal sealed class SimDatabase : IAsyncDisposable
{
    private readonly NpgsqlDataSource _dataSource;
    private readonly string _connectionString;

    public SimDatabase(string connectionString, int maxConnections)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString)
        {
            Pooling = true,
            MaxPoolSize = maxConnections,
            ApplicationName = "odoosim",
        };
        _connectionString = builder.ConnectionString;
        PostgresDatabase = builder.Database ?? builder.Username ?? "postgres";
        _dataSource = NpgsqlDataSource.Create(builder);
    }

    /// <summary>Name of the PostgreSQL database (the default Odoo database name).</summary>
    public string PostgresDatabase { get; }

    public Task<Cursor> OpenCursorAsync(SqlStats stats, CancellationToken cancellation) => Cursor.OpenAsync(_dataSource, stats, cancellation);

    /// <summary>
    /// Creates the schema. A database the simulator created before is emptied (same schema) or rebuilt; a
    /// database with any other tables is refused.
    /// </summary>
    public async Task CreateSchemaAsync(IReadOnlyCollection<ModelDef> models, CancellationToken cancellation)
    {
        await using var connection = await _dataSource.OpenConnectionAsync(cancellation).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellation).ConfigureAwait(false);

        // Serialises concurrent starts on one database; the check and the DDL commit together.
        await ExecuteAsync(connection, "SELECT pg_advisory_xact_lock(7013370)", cancellation).ConfigureAwait(false);
        var ours = await ScalarAsync<bool>(connection, $"SELECT to_regclass('public.{SchemaBuilder.MarkerTable}') IS NOT NULL", cancellation).ConfigureAwait(false);
        var fingerprint = SchemaBuilder.Fingerprint(models);
        if (ours)
        {
            var existing = await ScalarAsync<object>(connection, $"SELECT COALESCE((SELECT value FROM \"{SchemaBuilder.MarkerTable}\" WHERE key = 'schema'), '')", cancellation).ConfigureAwait(false);
            if (existing as string == fingerprint)
            {
                // The same schema: emptying it is enough, and much faster.
                await ExecuteAsync(connection, SchemaBuilder.Truncate(models), cancellation).ConfigureAwait(false);
                await transaction.CommitAsync(cancellation).ConfigureAwait(false);
                return;
            }

            await ExecuteAsync(connection, SchemaBuilder.Drop(models), cancellation).ConfigureAwait(false);
        }
        else
        {
            var tables = await ScalarAsync<long>(connection, "SELECT count(*) FROM pg_tables WHERE schemaname = 'public'", cancellation).ConfigureAwait(false);
            if (tables > 0)
            {
                throw new InvalidOperationException(
                    $"database '{PostgresDatabase}' already holds {tables} tables the simulator did not create; point the simulator at an empty database");
            }
        }

        await ExecuteAsync(connection, SchemaBuilder.Create(models), cancellation).ConfigureAwait(false);
        await ExecuteAsync(connection, $"INSERT INTO \"{SchemaBuilder.MarkerTable}\" (key, value) VALUES ('schema', '{fingerprint}')", cancellation).ConfigureAwait(false);
        await transaction.CommitAsync(cancellation).ConfigureAwait(false);
    }

    /// <summary>True when a new connection to the server can be opened (what <c>/web/health?db_server_status=1</c> checks).</summary>
    public async Task<bool> ServerReachableAsync(TimeSpan timeout)
    {
        var builder = new NpgsqlConnectionStringBuilder(_connectionString)
        {
            Pooling = false,
            Timeout = Math.Max(1, (int)Math.Ceiling(timeout.TotalSeconds)),
        };
        try
        {
            await using var connection = new NpgsqlConnection(builder.ConnectionString);
            using var deadline = new CancellationTokenSource(timeout);
            await connection.OpenAsync(deadline.Token).ConfigureAwait(false);
            return true;
        }
        catch (Exception e) when (e is NpgsqlException or OperationCanceledException or TimeoutException)
        {
            return false;
        }
    }

    public ValueTask DisposeAsync() => _dataSource.DisposeAsync();

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken cancellation)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(cancellation).ConfigureAwait(false);
    }

    private static async Task<T> ScalarAsync<T>(NpgsqlConnection connection, string sql, CancellationToken cancellation)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        return (T)(await command.ExecuteScalarAsync(cancellation).ConfigureAwait(false))!;
    }
}
