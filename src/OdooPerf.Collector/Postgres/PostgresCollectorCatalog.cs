namespace OdooPerf.Collector.Postgres;

/// <summary>Every PostgreSQL collector, in the order a scrape runs them. A new view is wired in here.</summary>
public static class PostgresCollectorCatalog
{
    public static IReadOnlyList<IPostgresCollector> Create(PostgresFamilies families, PostgresOptions options) =>
    [
        // postgres_exporter-compatible families
        new StaticCollector(families),
        new DatabaseCollector(families, options),
        new ActivityCollector(families),
        new LocksCollector(families),
        new BgwriterCollector(families),
        new ArchiverCollector(families),
        new SettingsCollector(families),
        new ReplicationCollector(families),
    ];
}
