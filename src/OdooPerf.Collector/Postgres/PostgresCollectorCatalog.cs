using Microsoft.Extensions.Logging;

namespace OdooPerf.Collector.Postgres;

/// <summary>Every PostgreSQL collector, in the order a scrape runs them. A new view is wired in here.</summary>
public static class PostgresCollectorCatalog
{
    public static IReadOnlyList<IPostgresCollector> Create(PostgresFamilies families, PostgresOptions options, PostgresServerOptions server, ILoggerFactory loggers) =>
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

        // beyond postgres_exporter
        new WraparoundCollector(families),
        new TransactionAgeCollector(families),
        new BlockingCollector(families),
        new ConnectionsCollector(families),
        new WalCollector(families),
        new VacuumProgressCollector(families),
        new TempFilesCollector(families),

        // per-table and per-statement families
        new UserTablesCollector(families, options, server, loggers.CreateLogger<UserTablesCollector>()),
        new StatStatementsCollector(families, options),
    ];
}
