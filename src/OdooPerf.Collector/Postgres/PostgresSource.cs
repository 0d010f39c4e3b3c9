using System.Net.Sockets;
using Microsoft.Extensions.Logging;
using Npgsql;
using OdooPerf.Collector.Scraping;
using Prometheus;

namespace OdooPerf.Collector.Postgres;

/// <summary>
/// One PostgreSQL server: <c>pg_up</c>, then every collector over one pooled connection. When the server
/// cannot be reached (down, restarting, refusing the login, past the deadline) <c>pg_up</c> is 0, the
/// other series are removed, the pool is dropped so the next scrape reconnects, and the source reports
/// down with the reason. A collector whose query fails is cleared and counted; the others carry on.
/// </summary>
public sealed class PostgresSource : IMetricSource, IAsyncDisposable
{
    private readonly PostgresConnections _connections;
    private readonly PostgresOptions _options;
    private readonly IReadOnlyList<IPostgresCollector> _collectors;
    private readonly IScrapedFamily _up;
    private readonly Counter _collectorErrors;
    private readonly ILogger _logger;
    private readonly HashSet<string> _failingCollectors = [];

    public PostgresSource(
        string name,
        PostgresConnections connections,
        PostgresOptions options,
        PostgresFamilies families,
        IReadOnlyList<IPostgresCollector> collectors,
        IMetricFactory factory,
        ILogger<PostgresSource> logger)
    {
        Name = name;
        _connections = connections;
        _options = options;
        _collectors = collectors;
        _logger = logger;
        _up = families.Gauge("pg_up", "Whether the last scrape of PostgreSQL could connect and query (1) or not (0).");
        _collectorErrors = factory.CreateCounter(
            "odooperf_postgres_collector_errors_total",
            "PostgreSQL queries of a collector that failed (a missing privilege, a timeout); the collector's series are removed until it succeeds again.",
            new CounterConfiguration { LabelNames = ["source", "collector"] });

        // At 0 from the start, so an alert on increase() sees a collector's first failure.
        foreach (var collector in collectors)
        {
            _collectorErrors.WithLabels(name, collector.Name).Publish();
        }
    }

    public string Name { get; }

    public async Task RefreshAsync(CancellationToken cancellationToken)
    {
        var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            foreach (var collector in _collectors)
            {
                try
                {
                    await collector.CollectAsync(new PostgresScrape(connection, _connections, _options), cancellationToken).ConfigureAwait(false);
                    if (_failingCollectors.Remove(collector.Name))
                    {
                        _logger.LogInformation("PostgreSQL collector {Collector} of {Server} works again", collector.Name, _connections.Endpoint);
                    }
                }
                catch (PostgresException ex) when (!PostgresErrors.IsConnectionLevel(ex))
                {
                    // A query problem (a privilege the role lacks, statement_timeout): this collector only.
                    collector.Clear();
                    _collectorErrors.WithLabels(Name, collector.Name).Inc();
                    if (_failingCollectors.Add(collector.Name))
                    {
                        _logger.LogWarning("PostgreSQL collector {Collector} of {Server} failed: {Reason}", collector.Name, _connections.Endpoint, ex.MessageText);
                    }

                    // A query that fails can leave the session's prepared statements out of step with
                    // Npgsql's bookkeeping (seen as "unexpected DataRow" on the next query), so the rest
                    // of the scrape runs on a fresh session.
                    await connection.DisposeAsync().ConfigureAwait(false);
                    _connections.Reset();
                    connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
                }
                catch (Exception ex) when (IsUnavailable(ex))
                {
                    throw Down(ex);
                }
            }
        }
        finally
        {
            await connection.DisposeAsync().ConfigureAwait(false);
        }

        _up.BeginUpdate();
        _up.Set(1);
        _up.EndUpdate();
    }

    private async Task<NpgsqlConnection> OpenAsync(CancellationToken cancellationToken)
    {
        try
        {
            return await _connections.OpenAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (IsUnavailable(ex))
        {
            throw Down(ex);
        }
    }

    /// <summary>Removes every series but <c>pg_up</c>, which says why the others are gone.</summary>
    public void Clear()
    {
        foreach (var collector in _collectors)
        {
            collector.Clear();
        }
    }

    public ValueTask DisposeAsync() => _connections.DisposeAsync();

    private static bool IsUnavailable(Exception ex) =>
        ex is NpgsqlException or SocketException or TimeoutException or OperationCanceledException or IOException;

    private PostgresUnavailableException Down(Exception ex)
    {
        _up.BeginUpdate();
        _up.Set(0);
        _up.EndUpdate();
        _connections.Reset();
        return new PostgresUnavailableException($"PostgreSQL at {_connections.Endpoint} is unavailable: {PostgresErrors.Describe(ex)}", ex);
    }
}

/// <summary>The server could not be reached or queried; the message is safe to log (no password).</summary>
public sealed class PostgresUnavailableException(string message, Exception inner) : Exception(message, inner);
