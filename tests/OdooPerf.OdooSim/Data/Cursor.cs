using System.Diagnostics;
using Npgsql;

namespace OdooPerf.OdooSim.Data;

/// <summary>
/// One transaction on one connection, like Odoo's cursor: every statement is timed and counted into the
/// request's <see cref="SqlStats"/>. Arguments are positional (<c>$1</c>, <c>$2</c>, ...); null is SQL NULL.
/// </summary>
internal sealed class Cursor : IAsyncDisposable
{
    private readonly NpgsqlConnection _connection;
    private readonly NpgsqlTransaction _transaction;
    private readonly SqlStats _stats;
    private readonly CancellationToken _cancellation;
    private bool _finished;

    private Cursor(NpgsqlConnection connection, NpgsqlTransaction transaction, SqlStats stats, CancellationToken cancellation)
    {
        _connection = connection;
        _transaction = transaction;
        _stats = stats;
        _cancellation = cancellation;
    }

    public static async Task<Cursor> OpenAsync(NpgsqlDataSource dataSource, SqlStats stats, CancellationToken cancellation)
    {
        var connection = await dataSource.OpenConnectionAsync(cancellation).ConfigureAwait(false);
        try
        {
            var transaction = await connection.BeginTransactionAsync(System.Data.IsolationLevel.ReadCommitted, cancellation).ConfigureAwait(false);
            return new Cursor(connection, transaction, stats, cancellation);
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    public async Task<int> ExecuteAsync(string sql, params object?[] args)
    {
        await using var command = Command(sql, args);
        var started = Stopwatch.GetTimestamp();
        try
        {
            return await command.ExecuteNonQueryAsync(_cancellation).ConfigureAwait(false);
        }
        finally
        {
            _stats.Add(Stopwatch.GetElapsedTime(started));
        }
    }

    /// <summary>All rows, each as an array of column values (DBNull turned into null).</summary>
    public async Task<List<object?[]>> QueryAsync(string sql, params object?[] args)
    {
        await using var command = Command(sql, args);
        var started = Stopwatch.GetTimestamp();
        try
        {
            await using var reader = await command.ExecuteReaderAsync(_cancellation).ConfigureAwait(false);
            var rows = new List<object?[]>();
            while (await reader.ReadAsync(_cancellation).ConfigureAwait(false))
            {
                var row = new object?[reader.FieldCount];
                for (var i = 0; i < row.Length; i++)
                {
                    row[i] = reader.IsDBNull(i) ? null : reader.GetValue(i);
                }

                rows.Add(row);
            }

            return rows;
        }
        finally
        {
            _stats.Add(Stopwatch.GetElapsedTime(started));
        }
    }

    public async Task<object?> ScalarAsync(string sql, params object?[] args)
    {
        var rows = await QueryAsync(sql, args).ConfigureAwait(false);
        return rows.Count == 0 ? null : rows[0][0];
    }

    public async Task<int> IntAsync(string sql, params object?[] args) => Convert.ToInt32(await ScalarAsync(sql, args).ConfigureAwait(false) ?? 0, System.Globalization.CultureInfo.InvariantCulture);

    public async Task<int[]> IdsAsync(string sql, params object?[] args) =>
        (await QueryAsync(sql, args).ConfigureAwait(false)).Select(r => Convert.ToInt32(r[0], System.Globalization.CultureInfo.InvariantCulture)).ToArray();

    public async Task CommitAsync()
    {
        _finished = true;
        await _transaction.CommitAsync(_cancellation).ConfigureAwait(false);
    }

    public async ValueTask DisposeAsync()
    {
        if (!_finished)
        {
            try
            {
                await _transaction.RollbackAsync(CancellationToken.None).ConfigureAwait(false);
            }
            catch (NpgsqlException)
            {
                // The connection is broken; disposing it is all that is left.
            }
            catch (InvalidOperationException)
            {
                // The transaction already ended with the connection.
            }
        }

        await _transaction.DisposeAsync().ConfigureAwait(false);
        await _connection.DisposeAsync().ConfigureAwait(false);
    }

    private NpgsqlCommand Command(string sql, object?[] args)
    {
        var command = new NpgsqlCommand(sql, _connection, _transaction);
        foreach (var arg in args)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = arg ?? DBNull.Value });
        }

        return command;
    }
}
