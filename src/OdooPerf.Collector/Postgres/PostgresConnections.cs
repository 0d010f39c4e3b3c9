using System.Globalization;
using Npgsql;

namespace OdooPerf.Collector.Postgres;

/// <summary>
/// How the collector connects to one PostgreSQL server: at most two sessions named <c>odooperf</c>, each
/// with <c>statement_timeout</c> and <c>lock_timeout</c> so that a scrape can neither run long on the
/// server nor queue behind a lock. One, pooled, serves the server-wide views; the other visits the
/// databases whose per-table views are read, and stays open on the last one visited, so that a server
/// with one Odoo database pays for no new connection (and no cold caches) at each scrape.
/// </summary>
/// <remarks>
/// The password is never logged nor put in a message: it comes from the password file, or Npgsql finds
/// it itself in <c>PGPASSWORD</c>, <c>PGPASSFILE</c> or <c>~/.pgpass</c>.
/// </remarks>
public sealed class PostgresConnections : IAsyncDisposable
{
    public const string ApplicationName = "odooperf";

    /// <summary>Sessions per server: the pooled one and the visiting one.</summary>
    public const int MaxConnections = 2;

    // Scrapes of one server never overlap (the scrape coordinator waits for a refresh to end), so the
    // server-wide views need one pooled session.
    private const int MaxPoolSize = 1;

    private readonly SemaphoreSlim _visitorGate = new(1, 1);
    private NpgsqlConnection? _visitor;

    private readonly NpgsqlConnectionStringBuilder _settings;
    private readonly NpgsqlDataSource _pool;

    public PostgresConnections(PostgresServerOptions server, PostgresOptions options, TimeSpan connectTimeout)
    {
        _settings = Settings(server, options, connectTimeout);
        _pool = NpgsqlDataSource.Create(_settings.ConnectionString);
        Endpoint = DescribeEndpoint(_settings);
        Database = _settings.Database ?? _settings.Username ?? "postgres";
    }

    /// <summary>host:port (or the socket directory) for log lines; never the password.</summary>
    public string Endpoint { get; }

    /// <summary>The database the pooled connections use.</summary>
    public string Database { get; }

    public ValueTask<NpgsqlConnection> OpenAsync(CancellationToken cancellationToken) => _pool.OpenConnectionAsync(cancellationToken);

    /// <summary>
    /// Runs <paramref name="use"/> on a session connected to <paramref name="database"/>: the visiting
    /// session, reused when it is already there, moved otherwise. A failure closes it, so the next visit
    /// starts afresh.
    /// </summary>
    public async Task<T> UseDatabaseAsync<T>(string database, Func<NpgsqlConnection, Task<T>> use, CancellationToken cancellationToken)
    {
        await _visitorGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_visitor is not { State: System.Data.ConnectionState.Open } || _visitor.Database != database)
            {
                await CloseVisitorAsync().ConfigureAwait(false);
                var settings = new NpgsqlConnectionStringBuilder(_settings.ConnectionString) { Database = database, Pooling = false };
                var connection = new NpgsqlConnection(settings.ConnectionString);
                try
                {
                    await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
                }
                catch
                {
                    await connection.DisposeAsync().ConfigureAwait(false);
                    throw;
                }

                _visitor = connection;
            }

            try
            {
                return await use(_visitor).ConfigureAwait(false);
            }
            catch
            {
                await CloseVisitorAsync().ConfigureAwait(false);
                throw;
            }
        }
        finally
        {
            _visitorGate.Release();
        }
    }

    /// <summary>Drops every session, so that the next scrape reconnects (after a restart, say).</summary>
    public void Reset()
    {
        _pool.Clear();
        if (_visitorGate.Wait(0))
        {
            try
            {
                _visitor?.Dispose();
                _visitor = null;
            }
            finally
            {
                _visitorGate.Release();
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await CloseVisitorAsync().ConfigureAwait(false);
        await _pool.DisposeAsync().ConfigureAwait(false);
        _visitorGate.Dispose();
    }

    private async Task CloseVisitorAsync()
    {
        if (_visitor is not null)
        {
            await _visitor.DisposeAsync().ConfigureAwait(false);
            _visitor = null;
        }
    }

    /// <summary>
    /// The connection settings: the configured string, with what the collector requires on top. Throws
    /// <see cref="ArgumentException"/> for a malformed string (its message names the key, not values).
    /// </summary>
    public static NpgsqlConnectionStringBuilder Settings(PostgresServerOptions server, PostgresOptions options, TimeSpan connectTimeout)
    {
        var settings = new NpgsqlConnectionStringBuilder(server.ConnectionString ?? string.Empty)
        {
            ApplicationName = ApplicationName,
            Pooling = true,
            MinPoolSize = 0,
            MaxPoolSize = MaxPoolSize,
            Timeout = Math.Max(1, (int)Math.Ceiling(connectTimeout.TotalSeconds)),
            CommandTimeout = Math.Max(1, (int)Math.Ceiling(options.StatementTimeout.TotalSeconds)) + 1,
            // Keep no session idle for long: an idle backend costs the server memory.
            ConnectionIdleLifetime = 60,
            // The same catalog queries run at every scrape: prepared once per session, they are not
            // planned again each time (planning the larger ones costs more than running them).
            MaxAutoPrepare = 64,
            AutoPrepareMinUsages = 2,
        };

        var timeouts = string.Create(
            CultureInfo.InvariantCulture,
            $"-c statement_timeout={(long)options.StatementTimeout.TotalMilliseconds} -c lock_timeout={(long)options.LockTimeout.TotalMilliseconds}");
        settings.Options = string.IsNullOrWhiteSpace(settings.Options) ? timeouts : $"{settings.Options} {timeouts}";

        if (server.PasswordFile is { Length: > 0 } passwordFile)
        {
            settings.Password = ReadPasswordFile(passwordFile);
        }

        return settings;
    }

    private static string ReadPasswordFile(string path)
    {
        try
        {
            return File.ReadLines(path).FirstOrDefault()?.TrimEnd('\r') ?? string.Empty;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // The path is configuration, not a secret; the file's content never appears.
            throw new ArgumentException($"cannot read password file '{path}': {ex.Message}", ex);
        }
    }

    private static string DescribeEndpoint(NpgsqlConnectionStringBuilder settings) =>
        string.Create(CultureInfo.InvariantCulture, $"{settings.Host ?? "localhost"}:{settings.Port}/{settings.Database ?? settings.Username}");
}
