namespace OdooPerf.Collector.Postgres;

/// <summary>
/// One PostgreSQL view or concern (pg_stat_database, locks, settings, ...). It owns its families, chooses
/// its SQL by server version, and updates the families from one scrape's connection.
/// </summary>
public interface IPostgresCollector
{
    /// <summary>Short name, for logs and <c>odooperf_postgres_collector_errors_total{collector}</c>.</summary>
    string Name { get; }

    /// <summary>Reads and publishes. A query error fails only this collector, not the scrape.</summary>
    Task CollectAsync(PostgresScrape scrape, CancellationToken cancellationToken);

    /// <summary>Removes every series of this collector.</summary>
    void Clear();
}
