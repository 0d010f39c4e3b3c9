using System.Globalization;
using Npgsql;

namespace OdooPerf.Collector.Postgres;

/// <summary>
/// How the collector connects to one PostgreSQL server: a pool of at most two connections named
/// <c>odooperf</c>, each session with <c>statement_timeout</c> and <c>lock_timeout</c> so that a scrape
/// can neither run long on the server nor queue behind a lock. Other databases of the server (for
/// per-table views) get short-lived connections outside the pool, one at a time.
/// </summary>
/// <remarks>
/// The password is never logged nor put in a message: it comes from the password file, or Npgsql finds
/// it itself in <c>PGPASSWORD</c>, <c>PGPASSFILE</c> or <c>~/.pgpass</c>.
/// </remarks>
public sealed class PostgresConnections : IAsyncDisposable
{
    public const string ApplicationName = "odooperf";
    public const int MaxPoolSize = 2;

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

    /// <summary>A connection to another database of the server, outside the pool; dispose it after use.</summary>
    public async Task<NpgsqlConnection> OpenDatabaseAsync(string database, CancellationToken cancellationToken)
    {
        var settings = new NpgsqlConnectionStringBuilder(_settings.ConnectionString) { Database = database, Pooling = false };
        var connection = new NpgsqlConnection(settings.ConnectionString);
        try
        {
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>Drops pooled connections, so that the next scrape reconnects (after a restart, say).</summary>
    public void Reset() => _pool.Clear();

    public ValueTask DisposeAsync() => _pool.DisposeAsync();

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
