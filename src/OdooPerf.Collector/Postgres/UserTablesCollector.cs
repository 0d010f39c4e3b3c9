using Microsoft.Extensions.Logging;
using Npgsql;
using NpgsqlTypes;
using OdooPerf.Collector.Scraping;

namespace OdooPerf.Collector.Postgres;

/// <summary>
/// Per-table statistics of the largest tables of each visited database (see <see cref="PerTableDatabases"/>),
/// plus, whatever their rank, the tables Odoo installations grow fastest
/// (<see cref="PostgresOptions.EffectiveOdooTables"/>) when they exist:
/// <list type="bullet">
/// <item>postgres_exporter's <c>pg_stat_user_tables_*{datname,schemaname,relname}</c> and
/// <c>pg_statio_user_tables_*{datname,schemaname,relname}</c>, same names, label names and types (counters
/// without the <c>_total</c> suffix, timestamps in Unix seconds and 0 when never, NULL counters as 0);
/// <c>pg_stat_user_tables_size_bytes</c> (total: table, TOAST and indexes, postgres_exporter 0.15 to 0.17) and
/// <c>_table_size_bytes</c> / <c>_index_size_bytes</c> (0.18 on), so dashboards of either generation work;</item>
/// <item>beyond it, same style, base units: <c>pg_stat_user_tables_dead_tuple_ratio</c> = n_dead_tup /
/// (n_live_tup + n_dead_tup) (absent for a table with neither), <c>pg_stat_user_tables_last_autovacuum_age_seconds</c>
/// and <c>_last_autoanalyze_age_seconds</c> (now − last_autovacuum / last_autoanalyze; absent when never);</item>
/// <item>per database, <c>pg_unused_indexes{datname}</c> (a gauge: promtool reserves the <c>_count</c> suffix for
/// histograms and summaries) and <c>pg_unused_indexes_bytes{datname}</c>: indexes of
/// user tables with no index scan since the statistics were last reset (<c>pg_stat_get_numscans = 0</c>, the
/// view's <c>idx_scan</c>) that enforce nothing (not unique, hence not a primary key, and not an exclusion
/// constraint), expression and partial indexes included; bytes from <c>pg_class.relpages</c> × block_size, as of
/// the index's last VACUUM, ANALYZE or (RE)INDEX. A statistics reset, or a replica (whose own scans only are
/// counted), makes every such index look unused.</item>
/// </list>
/// Cost, per visited database: one query per scrape, the statistics views evaluated for the chosen tables
/// only (<c>relid = ANY (@oids)</c>). Which tables are chosen is renewed once per
/// <see cref="PostgresOptions.SizeInterval"/>, by two more queries: the top N by estimated total size (pages of
/// the table, its TOAST table and its indexes in <c>pg_class.relpages</c>, as kept by VACUUM, ANALYZE and CREATE
/// INDEX: no file is touched to rank) plus the Odoo tables, with the exact sizes of the chosen ones
/// (<c>pg_table_size</c>, <c>pg_indexes_size</c>, which stat their files); and the unused indexes. A table that
/// grows into the top N, or an Odoo table created, appears within that interval; a dropped table disappears at
/// the next scrape. The top N is taken in SQL (ORDER BY ... LIMIT); the cardinality guard is only the last line
/// of defence.
/// </summary>
public sealed class UserTablesCollector : IPostgresCollector
{
    // pg_stat_user_tables columns every supported version (12 to 17) has, in the order the query selects them.
    private static readonly (string Column, bool Counter, string Help)[] StatColumns =
    [
        ("seq_scan", true, "Number of sequential scans initiated on this table"),
        ("seq_tup_read", true, "Number of live rows fetched by sequential scans"),
        ("idx_scan", true, "Number of index scans initiated on this table"),
        ("idx_tup_fetch", true, "Number of live rows fetched by index scans"),
        ("n_tup_ins", true, "Number of rows inserted"),
        ("n_tup_upd", true, "Number of rows updated"),
        ("n_tup_del", true, "Number of rows deleted"),
        ("n_tup_hot_upd", true, "Number of rows HOT updated (i.e., with no separate index update required)"),
        ("n_live_tup", false, "Estimated number of live rows"),
        ("n_dead_tup", false, "Estimated number of dead rows"),
        ("n_mod_since_analyze", false, "Estimated number of rows changed since last analyze"),
        ("last_vacuum", false, "Last time at which this table was manually vacuumed (not counting VACUUM FULL)"),
        ("last_autovacuum", false, "Last time at which this table was vacuumed by the autovacuum daemon"),
        ("last_analyze", false, "Last time at which this table was manually analyzed"),
        ("last_autoanalyze", false, "Last time at which this table was analyzed by the autovacuum daemon"),
        ("vacuum_count", true, "Number of times this table has been manually vacuumed (not counting VACUUM FULL)"),
        ("autovacuum_count", true, "Number of times this table has been vacuumed by the autovacuum daemon"),
        ("analyze_count", true, "Number of times this table has been manually analyzed"),
        ("autoanalyze_count", true, "Number of times this table has been analyzed by the autovacuum daemon"),
    ];

    // pg_statio_user_tables columns (all counters), and postgres_exporter's metric names for them.
    private static readonly (string Column, string Metric, string Help)[] StatioColumns =
    [
        ("heap_blks_read", "heap_blocks_read", "Number of disk blocks read from this table"),
        ("heap_blks_hit", "heap_blocks_hit", "Number of buffer hits in this table"),
        ("idx_blks_read", "idx_blocks_read", "Number of disk blocks read from all indexes on this table"),
        ("idx_blks_hit", "idx_blocks_hit", "Number of buffer hits in all indexes on this table"),
        ("toast_blks_read", "toast_blocks_read", "Number of disk blocks read from this table's TOAST table (if any)"),
        ("toast_blks_hit", "toast_blocks_hit", "Number of buffer hits in this table's TOAST table (if any)"),
        ("tidx_blks_read", "tidx_blocks_read", "Number of disk blocks read from this table's TOAST table indexes (if any)"),
        ("tidx_blks_hit", "tidx_blocks_hit", "Number of buffer hits in this table's TOAST table indexes (if any)"),
    ];

    private static readonly string[] TableLabels = ["datname", "schemaname", "relname"];

    // Schemas pg_stat_user_tables leaves out.
    private const string UserSchemas =
        "c.relnamespace NOT IN (SELECT n.oid FROM pg_namespace n WHERE n.nspname IN ('pg_catalog', 'information_schema') OR n.nspname ~ '^pg_toast')";

    // Ordinals of the tables query, after relid, schemaname, relname and the statistics columns.
    private static readonly int AutovacuumAgeOrdinal = 3 + StatColumns.Length + StatioColumns.Length;
    private static readonly int LiveTuplesIndex = Array.FindIndex(StatColumns, c => c.Column == "n_live_tup");
    private static readonly int DeadTuplesIndex = Array.FindIndex(StatColumns, c => c.Column == "n_dead_tup");

    private readonly ScrapedFamilySet _families = new();
    private readonly IScrapedFamily[] _stat;
    private readonly IScrapedFamily[] _statio;
    private readonly IScrapedFamily _size;
    private readonly IScrapedFamily _tableSize;
    private readonly IScrapedFamily _indexSize;
    private readonly IScrapedFamily _deadTupleRatio;
    private readonly IScrapedFamily _autovacuumAge;
    private readonly IScrapedFamily _autoanalyzeAge;
    private readonly IScrapedFamily _unusedCount;
    private readonly IScrapedFamily _unusedBytes;
    private readonly PostgresOptions _options;
    private readonly PerTableDatabases _databases;
    private readonly TimeProvider _time;
    private readonly Dictionary<string, DatabaseState> _states = new(StringComparer.Ordinal);

    public UserTablesCollector(PostgresFamilies families, PostgresOptions options, PostgresServerOptions server, ILogger? logger = null, TimeProvider? time = null)
    {
        _options = options;
        _databases = new PerTableDatabases(options, server, logger);
        _time = time ?? TimeProvider.System;
        _stat = [.. StatColumns.Select(c => _families.Add(c.Counter
            ? families.Counter($"pg_stat_user_tables_{c.Column}", c.Help, TableLabels)
            : families.Gauge($"pg_stat_user_tables_{c.Column}", c.Help, TableLabels)))];
        _statio = [.. StatioColumns.Select(c => _families.Add(families.Counter($"pg_statio_user_tables_{c.Metric}", c.Help, TableLabels)))];
        _size = _families.Add(families.Gauge("pg_stat_user_tables_size_bytes", "Total disk space used by this table, in bytes, including all indexes and TOAST data (measured once per Postgres:SizeInterval)", TableLabels));
        _tableSize = _families.Add(families.Gauge("pg_stat_user_tables_table_size_bytes", "Disk space used by this table and its TOAST data, without its indexes, in bytes (pg_table_size)", TableLabels));
        _indexSize = _families.Add(families.Gauge("pg_stat_user_tables_index_size_bytes", "Disk space used by the indexes of this table, in bytes (pg_indexes_size)", TableLabels));
        _deadTupleRatio = _families.Add(families.Gauge("pg_stat_user_tables_dead_tuple_ratio", "Estimated dead rows / (live + dead rows) of this table; absent when it has neither.", TableLabels));
        _autovacuumAge = _families.Add(families.Gauge("pg_stat_user_tables_last_autovacuum_age_seconds", "Seconds since the autovacuum daemon last vacuumed this table; absent when it never has.", TableLabels));
        _autoanalyzeAge = _families.Add(families.Gauge("pg_stat_user_tables_last_autoanalyze_age_seconds", "Seconds since the autovacuum daemon last analyzed this table; absent when it never has.", TableLabels));
        _unusedCount = _families.Add(families.Gauge("pg_unused_indexes", "Number of indexes of user tables not scanned since the statistics were last reset, that enforce no constraint (not unique, not primary key, not exclusion).", "datname"));
        _unusedBytes = _families.Add(families.Gauge("pg_unused_indexes_bytes", "Disk space of the unused indexes counted by pg_unused_indexes, in bytes, from pg_class.relpages as of their last VACUUM, ANALYZE or REINDEX.", "datname"));
    }

    public string Name => "user_tables";

    /// <summary>
    /// Which tables the per-table families report, with their sizes: the <c>@top</c> tables with the most pages
    /// (table, TOAST table and indexes together, from <c>pg_class.relpages</c>), plus the tables named in
    /// <c>@odoo</c>, in the schemas pg_stat_user_tables shows. Columns: relid, table bytes (with TOAST),
    /// index bytes. The same text for PostgreSQL 12 to 17.
    /// </summary>
    public static string ChoiceSqlFor(int majorVersion) => ChoiceSql;

    /// <summary>
    /// pg_stat_user_tables and pg_statio_user_tables of the tables in <c>@oids</c>, and the ages of their last
    /// autovacuum and autoanalyze. Every column exists from PostgreSQL 12 to 17 (none of the later additions such
    /// as <c>n_ins_since_vacuum</c> or <c>last_seq_scan</c> is read), so the text is the same for each version.
    /// </summary>
    public static string StatsSqlFor(int majorVersion) => StatsSql;

    /// <summary>Unused indexes of the connected database: their number and estimated bytes.</summary>
    public static string UnusedIndexesSqlFor(int majorVersion) => UnusedIndexesSql;

    public const string ChoiceSql =
        "WITH pages AS ("
        + "SELECT c.oid, c.relpages::bigint AS pages FROM pg_class c WHERE c.relkind IN ('r', 'm', 'p') AND " + UserSchemas + " "
        + "UNION ALL SELECT c.oid, t.relpages FROM pg_class c JOIN pg_class t ON t.oid = c.reltoastrelid WHERE c.relkind IN ('r', 'm') AND " + UserSchemas + " "
        + "UNION ALL SELECT x.indrelid, c.relpages FROM pg_index x JOIN pg_class c ON c.oid = x.indexrelid WHERE " + UserSchemas
        + "), ranked AS (SELECT oid FROM pages GROUP BY oid ORDER BY sum(pages) DESC, oid LIMIT @top), "
        + "chosen AS (SELECT oid FROM ranked UNION "
        + "SELECT c.oid FROM pg_class c WHERE c.relkind IN ('r', 'm', 'p') AND c.relname = ANY (@odoo) AND " + UserSchemas + ") "
        + "SELECT oid, pg_table_size(oid), pg_indexes_size(oid) FROM chosen";

    public static readonly string StatsSql =
        "SELECT s.relid, s.schemaname, s.relname, "
        + string.Join(", ", StatColumns.Select(c => "s." + c.Column)) + ", "
        + string.Join(", ", StatioColumns.Select(c => "io." + c.Column)) + ", "
        + "extract(epoch FROM now() - s.last_autovacuum)::float8, extract(epoch FROM now() - s.last_autoanalyze)::float8 "
        + "FROM pg_stat_user_tables s JOIN pg_statio_user_tables io ON io.relid = s.relid "
        // The array on both views (an equality join would not carry it over): each view is then evaluated for
        // the chosen tables only, through pg_class's oid index, not for every table of the database.
        + "WHERE s.relid = ANY (@oids) AND io.relid = ANY (@oids)";

    public const string UnusedIndexesSql =
        "SELECT count(*)::float8, coalesce(sum(c.relpages), 0)::float8 * current_setting('block_size')::float8 "
        + "FROM pg_index x JOIN pg_class c ON c.oid = x.indexrelid "
        + "WHERE NOT x.indisunique AND NOT x.indisprimary AND NOT x.indisexclusion AND " + UserSchemas + " "
        + "AND pg_stat_get_numscans(x.indexrelid) = 0";

    public async Task CollectAsync(PostgresScrape scrape, CancellationToken cancellationToken)
    {
        var odoo = _options.EffectiveOdooTables.ToArray();
        var top = Math.Max(1, _options.TopTables);
        var visited = await _databases.VisitAsync(scrape, (connection, database, ct) => ReadAsync(connection, database, top, odoo, scrape.MajorVersion, ct), cancellationToken).ConfigureAwait(false);

        _families.BeginUpdate();
        foreach (var (database, read) in visited)
        {
            Publish(database, read);
        }

        _families.EndUpdate();

        // Databases no longer visited (dropped, skipped, beyond the cap) have their tables chosen afresh if they return.
        var names = visited.Select(v => v.Database).ToHashSet(StringComparer.Ordinal);
        foreach (var gone in _states.Keys.Where(d => !names.Contains(d)).ToList())
        {
            _states.Remove(gone);
        }
    }

    public void Clear()
    {
        _families.Clear();
        _states.Clear();
    }

    /// <summary><paramref name="dead"/> / (<paramref name="live"/> + <paramref name="dead"/>); null when both are 0.</summary>
    public static double? DeadTupleRatio(double live, double dead) =>
        live + dead > 0 ? dead / (live + dead) : null;

    private async Task<DatabaseRead> ReadAsync(NpgsqlConnection connection, string database, int top, string[] odoo, int majorVersion, CancellationToken cancellationToken)
    {
        _states.TryGetValue(database, out var state);
        var due = state is null || _time.GetElapsedTime(state.ChosenAt) >= _options.SizeInterval;
        var chosen = state?.Chosen ?? [];
        var unused = state?.Unused ?? (0, 0);
        if (due)
        {
            chosen = [];
            await using (var command = new NpgsqlCommand(ChoiceSqlFor(majorVersion), connection))
            {
                command.Parameters.Add(new NpgsqlParameter("top", NpgsqlDbType.Integer) { Value = top });
                command.Parameters.Add(new NpgsqlParameter("odoo", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = odoo });
                await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
                while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    // NULL sizes: the table was dropped while the query ran; it will not be in the statistics either.
                    chosen[reader.GetFieldValue<uint>(0)] = (reader.Double(1) ?? 0, reader.Double(2) ?? 0);
                }
            }

            await using (var command = new NpgsqlCommand(UnusedIndexesSqlFor(majorVersion), connection))
            {
                await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
                if (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    unused = (reader.Double(0) ?? 0, reader.Double(1) ?? 0);
                }
            }
        }

        var rows = new List<TableRow>(chosen.Count);
        if (chosen.Count > 0)
        {
            await using var command = new NpgsqlCommand(StatsSqlFor(majorVersion), connection);
            command.Parameters.Add(new NpgsqlParameter("oids", NpgsqlDbType.Array | NpgsqlDbType.Oid) { Value = chosen.Keys.ToArray() });
            await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                rows.Add(TableRow.Read(reader));
            }
        }

        // Only now that every query of this database succeeded does its state move on.
        if (due)
        {
            _states[database] = new DatabaseState(chosen, unused, _time.GetTimestamp());
        }

        return new DatabaseRead(rows, chosen, unused);
    }

    private void Publish(string database, DatabaseRead read)
    {
        foreach (var row in read.Rows)
        {
            string[] labels = [database, row.Schema, row.Table];
            for (var i = 0; i < _stat.Length; i++)
            {
                _stat[i].Set(row.Stat[i] ?? 0, labels);
            }

            for (var i = 0; i < _statio.Length; i++)
            {
                _statio[i].Set(row.Statio[i] ?? 0, labels);
            }

            if (read.Sizes.TryGetValue(row.Relid, out var size))
            {
                _size.Set(size.Table + size.Indexes, labels);
                _tableSize.Set(size.Table, labels);
                _indexSize.Set(size.Indexes, labels);
            }

            if (DeadTupleRatio(row.LiveTuples, row.DeadTuples) is { } ratio)
            {
                _deadTupleRatio.Set(ratio, labels);
            }

            // now() is the statement's start: a vacuum that ended during the query reads slightly negative.
            if (row.AutovacuumAge is { } autovacuumAge)
            {
                _autovacuumAge.Set(Math.Max(0, autovacuumAge), labels);
            }

            if (row.AutoanalyzeAge is { } autoanalyzeAge)
            {
                _autoanalyzeAge.Set(Math.Max(0, autoanalyzeAge), labels);
            }
        }

        _unusedCount.Set(read.Unused.Count, database);
        _unusedBytes.Set(read.Unused.Bytes, database);
    }

    /// <summary>What one database's last choice found: the chosen tables with their sizes, the unused indexes.</summary>
    private sealed record DatabaseState(Dictionary<uint, (double Table, double Indexes)> Chosen, (double Count, double Bytes) Unused, long ChosenAt);

    private sealed record DatabaseRead(List<TableRow> Rows, Dictionary<uint, (double Table, double Indexes)> Sizes, (double Count, double Bytes) Unused);

    private sealed record TableRow(
        uint Relid,
        string Schema,
        string Table,
        double?[] Stat,
        double?[] Statio,
        double? AutovacuumAge,
        double? AutoanalyzeAge)
    {
        public double LiveTuples => Stat[LiveTuplesIndex] ?? 0;

        public double DeadTuples => Stat[DeadTuplesIndex] ?? 0;

        public static TableRow Read(NpgsqlDataReader reader)
        {
            var stat = new double?[StatColumns.Length];
            for (var i = 0; i < stat.Length; i++)
            {
                stat[i] = reader.Double(3 + i);
            }

            var statio = new double?[StatioColumns.Length];
            for (var i = 0; i < statio.Length; i++)
            {
                statio[i] = reader.Double(3 + StatColumns.Length + i);
            }

            return new TableRow(
                reader.GetFieldValue<uint>(0),
                reader.Text(1),
                reader.Text(2),
                stat,
                statio,
                reader.Double(AutovacuumAgeOrdinal),
                reader.Double(AutovacuumAgeOrdinal + 1));
        }
    }
}
