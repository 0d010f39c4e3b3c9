using OdooPerf.Collector.Scraping;

namespace OdooPerf.Collector.Postgres;

/// <summary>
/// Running VACUUMs (manual and autovacuum; VACUUM FULL reports elsewhere), from pg_stat_progress_vacuum:
/// <list type="bullet">
/// <item><c>pg_vacuum_in_progress{datname}</c>: vacuums running in each database, 0 for the others.</item>
/// <item><c>pg_vacuum_progress_ratio{datname,relname,phase}</c>: <c>heap_blks_scanned / heap_blks_total</c>
/// of each running vacuum (0 while the total is not known yet).</item>
/// <item><c>pg_vacuum_dead_tuple_storage_ratio{datname,relname}</c>: how full the dead-tuple store is
/// (<c>num_dead_tuples / max_dead_tuples</c> up to 16, <c>dead_tuple_bytes / max_dead_tuple_bytes</c> on
/// 17); at 1 the vacuum must stop scanning for an index pass.</item>
/// <item><c>pg_vacuum_index_passes{datname,relname}</c>: <c>index_vacuum_count</c>, index passes
/// completed; more than one means <c>maintenance_work_mem</c> (or <c>autovacuum_work_mem</c>) is too small
/// for the table.</item>
/// </list>
/// Cardinality is bounded by the vacuums running at once (<c>autovacuum_max_workers</c> plus manual ones):
/// a finished vacuum's series disappear at the next scrape, and every label set passes the cardinality
/// guard. <c>relname</c> is the table's name (schema-qualified when it is not on the search path) for
/// vacuums in the collector's own database; for other databases, whose catalogs this connection cannot
/// read, it is the table's OID. A role without <c>pg_read_all_stats</c> (part of <c>pg_monitor</c>) sees
/// other roles' vacuums without their details: they are counted, not detailed. One query.
/// </summary>
public sealed class VacuumProgressCollector : IPostgresCollector
{
    private readonly ScrapedFamilySet _families = new();
    private readonly IScrapedFamily _inProgress;
    private readonly IScrapedFamily _progress;
    private readonly IScrapedFamily _deadTupleStorage;
    private readonly IScrapedFamily _indexPasses;

    public VacuumProgressCollector(PostgresFamilies families)
    {
        _inProgress = _families.Add(families.Gauge("pg_vacuum_in_progress", "VACUUMs (manual or autovacuum, not VACUUM FULL) running in the database.", "datname"));
        _progress = _families.Add(families.Gauge("pg_vacuum_progress_ratio", "Heap blocks scanned divided by the table's heap blocks, for each running VACUUM.", "datname", "relname", "phase"));
        _deadTupleStorage = _families.Add(families.Gauge("pg_vacuum_dead_tuple_storage_ratio", "How full a running VACUUM's dead-tuple store is (maintenance_work_mem): at 1 it must pause the heap scan for an index pass.", "datname", "relname"));
        _indexPasses = _families.Add(families.Gauge("pg_vacuum_index_passes", "Index vacuum passes completed by a running VACUUM; more than one means its maintenance_work_mem is too small for the table.", "datname", "relname"));
    }

    public string Name => "vacuum_progress";

    /// <summary>
    /// The query for a server major version: PostgreSQL 17 measures the dead-tuple store in bytes
    /// (<c>dead_tuple_bytes</c>, <c>max_dead_tuple_bytes</c>) where 12 to 16 count tuples
    /// (<c>num_dead_tuples</c>, <c>max_dead_tuples</c>). One row per database without a vacuum, one per
    /// vacuum otherwise.
    /// </summary>
    public static string SqlFor(int majorVersion)
    {
        var (used, max) = majorVersion >= 17
            ? ("dead_tuple_bytes", "max_dead_tuple_bytes")
            : ("num_dead_tuples", "max_dead_tuples");
        return "SELECT d.datname, p.datid IS NOT NULL, p.relname, p.phase, p.heap_blks_scanned, p.heap_blks_total, p.index_vacuum_count, p.dead_used, p.dead_max "
            + "FROM pg_database d LEFT JOIN ("
            + "SELECT datid, CASE WHEN datname = current_database() THEN relid::regclass::text ELSE relid::text END AS relname, "
            + $"phase, heap_blks_scanned, heap_blks_total, index_vacuum_count, {used} AS dead_used, {max} AS dead_max "
            + "FROM pg_stat_progress_vacuum) p ON p.datid = d.oid";
    }

    public async Task CollectAsync(PostgresScrape scrape, CancellationToken cancellationToken)
    {
        var running = new Dictionary<string, double>(StringComparer.Ordinal);
        _families.BeginUpdate();
        await scrape.QueryAsync(SqlFor(scrape.MajorVersion), r =>
        {
            var datname = r.Text(0);
            running.TryAdd(datname, 0);
            if (!r.GetBoolean(1))
            {
                return;
            }

            running[datname]++;

            // A role without pg_read_all_stats sees other roles' vacuums with their details nulled.
            if (r.IsDBNull(2))
            {
                return;
            }

            var relname = r.Text(2);
            _progress.Set(Ratio(r.Double(4), r.Double(5)), datname, relname, r.Text(3));
            _deadTupleStorage.Set(Ratio(r.Double(7), r.Double(8)), datname, relname);
            _indexPasses.Set(r.Double(6) ?? 0, datname, relname);
        }, cancellationToken).ConfigureAwait(false);

        foreach (var (datname, count) in running)
        {
            _inProgress.Set(count, datname);
        }

        _families.EndUpdate();
    }

    public void Clear() => _families.Clear();

    /// <summary><paramref name="done"/> / <paramref name="total"/>, within [0, 1]; 0 when the total is unknown or 0.</summary>
    public static double Ratio(double? done, double? total) =>
        total is > 0 && done is { } d ? Math.Clamp(d / total.Value, 0, 1) : 0;
}
