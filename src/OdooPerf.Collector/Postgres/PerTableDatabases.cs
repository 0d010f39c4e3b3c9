using System.Globalization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace OdooPerf.Collector.Postgres;

/// <summary>
/// The databases that per-table families visit, and the visit itself. Per-table statistics
/// (pg_stat_user_tables, pg_statio_user_tables, indexes) only show the database a session is connected to,
/// so each database needs a connection of its own:
/// <list type="bullet">
/// <item>which: the server's <see cref="PostgresServerOptions.Databases"/> when it lists some; otherwise every
/// database that accepts connections, is not a template and that the collector's role may connect to
/// (<c>has_database_privilege(..., 'CONNECT')</c>, so a locked database is not even tried), the connected
/// database first, then by name, at most <see cref="PostgresOptions.MaxDatabases"/>;</item>
/// <item>how: one at a time; the scrape's own database over the scrape's pooled connection, every other one
/// over the server's visiting session (<see cref="PostgresConnections.UseDatabaseAsync"/>), which stays on
/// the last database visited;</item>
/// <item>failures: a database that refuses the connection (no CONNECT privilege, <c>pg_hba.conf</c>, dropped
/// since it was configured, too many connections) or whose query fails (a privilege, <c>statement_timeout</c>)
/// is skipped for this scrape, logged once (and once more when it works again); the other databases carry
/// on. Losing the server itself (socket, connection-level errors on the scrape's connection) and the scrape
/// deadline still end the scrape, as for every collector.</item>
/// </list>
/// </summary>
public sealed class PerTableDatabases
{
    private readonly PostgresOptions _options;
    private readonly PostgresServerOptions _server;
    private readonly ILogger _logger;
    private readonly HashSet<string> _skipped = new(StringComparer.Ordinal);

    /// <param name="options">The PostgreSQL options (<see cref="PostgresOptions.MaxDatabases"/>, the servers).</param>
    /// <param name="server">The server whose <see cref="PostgresServerOptions.Databases"/> apply.</param>
    /// <param name="logger">Where skipped databases are reported.</param>
    public PerTableDatabases(PostgresOptions options, PostgresServerOptions server, ILogger? logger = null)
    {
        _options = options;
        _server = server;
        _logger = logger ?? NullLogger.Instance;
    }

    /// <summary>
    /// Databases a server may connect to for per-table families, when none are configured: the connected
    /// one first, then by name, up to <paramref name="maxDatabases"/>.
    /// </summary>
    public static string DiscoverySql(int maxDatabases) => string.Create(
        CultureInfo.InvariantCulture,
        $"SELECT datname FROM pg_database WHERE datallowconn AND NOT datistemplate AND has_database_privilege(oid, 'CONNECT') ORDER BY datname <> current_database(), datname LIMIT {Math.Max(1, maxDatabases)}");

    /// <summary>Which databases this scrape visits, in order, without duplicates.</summary>
    public async Task<IReadOnlyList<string>> ChooseAsync(PostgresScrape scrape, CancellationToken cancellationToken)
    {
        var configured = _server.Databases;
        if (configured.Count > 0)
        {
            return [.. configured.Where(d => !string.IsNullOrWhiteSpace(d)).Distinct(StringComparer.Ordinal)];
        }

        var discovered = new List<string>();
        await scrape.QueryAsync(DiscoverySql(_options.MaxDatabases), r => discovered.Add(r.Text(0)), cancellationToken).ConfigureAwait(false);
        return discovered;
    }

    /// <summary>
    /// Runs <paramref name="read"/> on each chosen database, one at a time, and returns what it read from each
    /// database that could be visited; the others are skipped (see the class summary).
    /// </summary>
    public async Task<IReadOnlyList<(string Database, T Result)>> VisitAsync<T>(
        PostgresScrape scrape,
        Func<NpgsqlConnection, string, CancellationToken, Task<T>> read,
        CancellationToken cancellationToken)
    {
        var databases = await ChooseAsync(scrape, cancellationToken).ConfigureAwait(false);
        var results = new List<(string, T)>(databases.Count);
        var ownDatabase = scrape.Connection.Database;
        foreach (var database in databases)
        {
            try
            {
                T result;
                if (string.Equals(database, ownDatabase, StringComparison.Ordinal))
                {
                    result = await read(scrape.Connection, database, cancellationToken).ConfigureAwait(false);
                }
                else
                {
                    result = await scrape.Connections.UseDatabaseAsync(database, c => read(c, database, cancellationToken), cancellationToken).ConfigureAwait(false);
                }

                results.Add((database, result));
                if (_skipped.Remove(database))
                {
                    _logger.LogInformation("PostgreSQL database {Database} of {Server} is visited again for per-table metrics", database, scrape.Connections.Endpoint);
                }
            }
            catch (PostgresException ex) when (IsSkippable(ex, ownConnection: string.Equals(database, ownDatabase, StringComparison.Ordinal)))
            {
                if (_skipped.Add(database))
                {
                    _logger.LogWarning(
                        "PostgreSQL database {Database} of {Server} skipped for per-table metrics: {Reason}",
                        database,
                        scrape.Connections.Endpoint,
                        PostgresErrors.Describe(ex));
                }
            }
        }

        // A database that is no longer chosen is forgotten, so that it is reported again if it comes back failing.
        _skipped.IntersectWith(databases);
        return results;
    }

    /// <summary>
    /// Whether a PostgreSQL error skips one database rather than failing the scrape: on another database's
    /// own connection every server error does (refused login, missing privilege, unknown database, too many
    /// connections, a query error); on the scrape's connection only query errors do, since a
    /// connection-level error there means the server itself is going away.
    /// </summary>
    public static bool IsSkippable(PostgresException ex, bool ownConnection) =>
        !ownConnection || !PostgresErrors.IsConnectionLevel(ex);
}
