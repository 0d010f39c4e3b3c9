using OdooPerf.Collector.Scraping;

namespace OdooPerf.Collector.Postgres;

/// <summary>
/// pg_database and pg_stat_database: <c>pg_database_size_bytes{datname}</c> and
/// <c>pg_stat_database_*{datid,datname}</c> with postgres_exporter's names and types, plus the session
/// statistics of PostgreSQL 14+ in base units, and <c>pg_stat_database_conflicts</c>.
/// </summary>
public sealed class DatabaseCollector : IPostgresCollector
{
    // Columns of pg_stat_database every supported version has, in the order the query selects them.
    private static readonly (string Column, string Metric, bool Counter, double Scale, string Help)[] Columns =
    [
        ("numbackends", "pg_stat_database_numbackends", false, 1, "Number of backends currently connected to this database."),
        ("xact_commit", "pg_stat_database_xact_commit", true, 1, "Number of transactions in this database that have been committed"),
        ("xact_rollback", "pg_stat_database_xact_rollback", true, 1, "Number of transactions in this database that have been rolled back"),
        ("blks_read", "pg_stat_database_blks_read", true, 1, "Number of disk blocks read in this database"),
        ("blks_hit", "pg_stat_database_blks_hit", true, 1, "Number of times disk blocks were found already in the buffer cache"),
        ("tup_returned", "pg_stat_database_tup_returned", true, 1, "Number of rows returned by queries in this database"),
        ("tup_fetched", "pg_stat_database_tup_fetched", true, 1, "Number of rows fetched by queries in this database"),
        ("tup_inserted", "pg_stat_database_tup_inserted", true, 1, "Number of rows inserted by queries in this database"),
        ("tup_updated", "pg_stat_database_tup_updated", true, 1, "Number of rows updated by queries in this database"),
        ("tup_deleted", "pg_stat_database_tup_deleted", true, 1, "Number of rows deleted by queries in this database"),
        ("conflicts", "pg_stat_database_conflicts", true, 1, "Number of queries canceled due to conflicts with recovery in this database."),
        ("temp_files", "pg_stat_database_temp_files", true, 1, "Number of temporary files created by queries in this database."),
        ("temp_bytes", "pg_stat_database_temp_bytes", true, 1, "Total amount of data written to temporary files by queries in this database."),
        ("deadlocks", "pg_stat_database_deadlocks", true, 1, "Number of deadlocks detected in this database"),
        ("blk_read_time", "pg_stat_database_blk_read_time", true, 1, "Time spent reading data file blocks by backends in this database, in milliseconds"),
        ("blk_write_time", "pg_stat_database_blk_write_time", true, 1, "Time spent writing data file blocks by backends in this database, in milliseconds"),
        ("stats_reset", "pg_stat_database_stats_reset", true, 1, "Time at which these statistics were last reset"),
        // PostgreSQL 12+ (every supported version); postgres_exporter 0.11 exports them untyped.
        ("checksum_failures", "pg_stat_database_checksum_failures", true, 1, "Number of data page checksum failures detected in this database (or on a shared object)"),
        ("checksum_last_failure", "pg_stat_database_checksum_last_failure", false, 1, "Time at which the last data page checksum failure was detected in this database (or on a shared object)"),
    ];

    // PostgreSQL 14 added session statistics; times are in milliseconds there, seconds here.
    private static readonly (string Column, string Metric, bool Counter, double Scale, string Help)[] SessionColumns =
    [
        ("session_time", "pg_stat_database_session_time_seconds_total", true, 0.001, "Time spent by database sessions in this database."),
        ("active_time", "pg_stat_database_active_time_seconds_total", true, 0.001, "Time spent executing SQL statements in this database."),
        ("idle_in_transaction_time", "pg_stat_database_idle_in_transaction_time_seconds_total", true, 0.001, "Time spent idling while in a transaction in this database."),
        ("sessions", "pg_stat_database_sessions_total", true, 1, "Total number of sessions established to this database."),
        ("sessions_abandoned", "pg_stat_database_sessions_abandoned_total", true, 1, "Number of database sessions to this database that were terminated because connection to the client was lost."),
        ("sessions_fatal", "pg_stat_database_sessions_fatal_total", true, 1, "Number of database sessions to this database that were terminated by fatal errors."),
        ("sessions_killed", "pg_stat_database_sessions_killed_total", true, 1, "Number of database sessions to this database that were terminated by operator intervention."),
    ];

    private static readonly string[] ConflictColumns = ["confl_tablespace", "confl_lock", "confl_snapshot", "confl_bufferpin", "confl_deadlock"];

    private readonly ScrapedFamilySet _families = new();
    private readonly IScrapedFamily _size;
    private readonly SlowlyChanging<List<(string Database, double Bytes)>> _sizes;
    private readonly IScrapedFamily[] _columns;
    private readonly IScrapedFamily[] _sessionColumns;
    private readonly IScrapedFamily[] _conflicts;

    public DatabaseCollector(PostgresFamilies families, PostgresOptions options)
    {
        _sizes = new(options.SizeInterval);
        _size = _families.Add(families.Gauge("pg_database_size_bytes", "Disk space used by the database", "datname"));
        _columns = [.. Columns.Select(c => _families.Add(Create(families, c.Metric, c.Counter, c.Help)))];
        _sessionColumns = [.. SessionColumns.Select(c => _families.Add(Create(families, c.Metric, c.Counter, c.Help)))];
        _conflicts = [.. ConflictColumns.Select(c => _families.Add(families.Counter($"pg_stat_database_conflicts_{c}", $"Number of queries in this database that have been canceled due to {c[6..]} conflicts with recovery", "datid", "datname")))];
    }

    public string Name => "database";

    /// <summary>The pg_stat_database query for a server major version: session columns from 14 on.</summary>
    public static string StatDatabaseSql(int majorVersion)
    {
        var columns = Columns.Select(c => c.Column);
        if (majorVersion >= 14)
        {
            columns = columns.Concat(SessionColumns.Select(c => c.Column));
        }

        return $"SELECT datid, datname, {string.Join(", ", columns)} FROM pg_stat_database WHERE datname IS NOT NULL";
    }

    public const string SizeSql = "SELECT datname, pg_database_size(datname) FROM pg_database WHERE datallowconn OR datname = 'template0'";

    public const string ConflictsSql = "SELECT datid, datname, confl_tablespace, confl_lock, confl_snapshot, confl_bufferpin, confl_deadlock FROM pg_stat_database_conflicts WHERE datname IS NOT NULL";

    public async Task CollectAsync(PostgresScrape scrape, CancellationToken cancellationToken)
    {
        // pg_database_size walks every file of every database: the costliest query of a scrape on a
        // database with thousands of tables, for a figure that moves slowly.
        var sizes = await _sizes.GetAsync(async () =>
        {
            var read = new List<(string, double)>();
            await scrape.QueryAsync(SizeSql, r => read.Add((r.Text(0), r.Double(1) ?? 0)), cancellationToken).ConfigureAwait(false);
            return read;
        }).ConfigureAwait(false);

        _families.BeginUpdate();
        foreach (var (database, bytes) in sizes)
        {
            _size.Set(bytes, database);
        }

        var withSessions = scrape.MajorVersion >= 14;
        await scrape.QueryAsync(StatDatabaseSql(scrape.MajorVersion), r =>
        {
            string[] labels = [r.Text(0), r.Text(1)];
            var ordinal = 2;
            // NULL (statistics never reset, checksums off) is published as 0, as postgres_exporter does.
            for (var i = 0; i < Columns.Length; i++, ordinal++)
            {
                _columns[i].Set((r.Double(ordinal) ?? 0) * Columns[i].Scale, labels);
            }

            for (var i = 0; withSessions && i < SessionColumns.Length; i++, ordinal++)
            {
                if (r.Double(ordinal) is { } value)
                {
                    _sessionColumns[i].Set(value * SessionColumns[i].Scale, labels);
                }
            }
        }, cancellationToken).ConfigureAwait(false);

        await scrape.QueryAsync(ConflictsSql, r =>
        {
            string[] labels = [r.Text(0), r.Text(1)];
            for (var i = 0; i < _conflicts.Length; i++)
            {
                _conflicts[i].Set(r.Double(2 + i) ?? 0, labels);
            }
        }, cancellationToken).ConfigureAwait(false);
        _families.EndUpdate();
    }

    public void Clear()
    {
        _families.Clear();
        _sizes.Invalidate();
    }

    private static IScrapedFamily Create(PostgresFamilies families, string metric, bool counter, string help) =>
        counter ? families.Counter(metric, help, "datid", "datname") : families.Gauge(metric, help, "datid", "datname");
}
