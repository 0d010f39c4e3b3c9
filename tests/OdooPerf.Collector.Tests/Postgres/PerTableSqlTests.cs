using System.Text.RegularExpressions;
using Npgsql;
using OdooPerf.Collector.Postgres;
using Xunit;

namespace OdooPerf.Collector.Tests.Postgres;

/// <summary>
/// The SQL of the per-table and per-statement collectors for every supported server version (only
/// PostgreSQL 15 runs here: the other versions are checked on the text), and the choice of databases.
/// </summary>
public sealed class PerTableSqlTests
{

    // Columns of pg_stat_user_tables added after PostgreSQL 12: never read, whatever the version.
    private static readonly string[] LaterTableColumns =
    [
        "n_ins_since_vacuum", "last_seq_scan", "last_idx_scan", "n_tup_newpage_upd", "total_vacuum_time", "total_autovacuum_time",
    ];

    [Theory]
    [InlineData(12, "total_time", "blk_read_time", "blk_write_time")]
    [InlineData(13, "total_exec_time", "blk_read_time", "blk_write_time")]
    [InlineData(14, "total_exec_time", "blk_read_time", "blk_write_time")]
    [InlineData(15, "total_exec_time", "blk_read_time", "blk_write_time")]
    [InlineData(16, "total_exec_time", "blk_read_time", "blk_write_time")]
    [InlineData(17, "total_exec_time", "shared_blk_read_time", "shared_blk_write_time")]
    public void Statements_sql_reads_the_columns_of_each_version(int major, string time, string read, string write)
    {
        var sql = StatStatementsCollector.StatementsSqlFor(major, 100);

        Assert.Equal(["calls", time, "rows", read, write], SummedColumns(sql));
    }

    [Theory]
    [MemberData(nameof(PostgresVersions.All), MemberType = typeof(PostgresVersions))]
    public void Statements_sql_is_a_top_n_by_execution_time_without_query_text(int major)
    {
        var sql = StatStatementsCollector.StatementsSqlFor(major, 7);

        Assert.Contains("ORDER BY seconds DESC, s.queryid LIMIT 7", sql, StringComparison.Ordinal);
        Assert.EndsWith("LIMIT 7", sql, StringComparison.Ordinal);
        Assert.Contains("GROUP BY s.userid, d.datname, s.queryid", sql, StringComparison.Ordinal); // one row per label set
        Assert.Contains("\"public\".pg_stat_statements(false)", sql, StringComparison.Ordinal); // the texts file is not read
        Assert.DoesNotMatch(new Regex(@"\bquery\b(?!id)"), sql);
        Assert.Contains("WHERE s.queryid IS NOT NULL", sql, StringComparison.Ordinal);
    }

    [Fact]
    public void Statements_sql_follows_the_installed_extension_not_the_server()
    {
        // A PostgreSQL 14 server whose extension was not updated after pg_upgrade from 12 still has total_time.
        var notUpdated = StatStatementsCollector.StatementsSqlFor(StatStatementsCollector.ParseVersion("1.7", 14), "public", 100);
        var updated = StatStatementsCollector.StatementsSqlFor(StatStatementsCollector.ParseVersion("1.11", 17), "public", 100);

        Assert.Contains("sum(s.total_time)", notUpdated, StringComparison.Ordinal);
        Assert.Contains("sum(s.shared_blk_read_time)", updated, StringComparison.Ordinal);
        Assert.Equal(new Version(1, 9), StatStatementsCollector.ParseVersion("not a version", 14));
        Assert.Equal(new Version(1, 10), StatStatementsCollector.ParseVersion("1.10", 17));
    }

    [Theory]
    [InlineData(12, "1.7")]
    [InlineData(13, "1.8")]
    [InlineData(14, "1.9")]
    [InlineData(15, "1.10")]
    [InlineData(16, "1.10")]
    [InlineData(17, "1.11")]
    public void Each_version_has_its_default_extension_version(int major, string version) =>
        Assert.Equal(Version.Parse(version), StatStatementsCollector.DefaultExtensionVersion(major));

    [Fact]
    public void The_extension_schema_is_quoted()
    {
        var sql = StatStatementsCollector.StatementsSqlFor(new Version(1, 10), "Mon\"itoring", 5);

        Assert.Contains("FROM \"Mon\"\"itoring\".pg_stat_statements(false) s", sql, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(PostgresVersions.All), MemberType = typeof(PostgresVersions))]
    public void Choice_sql_takes_the_top_n_by_estimated_size_and_the_odoo_tables_in_sql(int major)
    {
        var sql = UserTablesCollector.ChoiceSqlFor(major);

        Assert.Contains("ranked AS (SELECT oid FROM pages GROUP BY oid ORDER BY sum(pages) DESC, oid LIMIT @top)", sql, StringComparison.Ordinal);
        Assert.Contains("SELECT c.oid FROM pg_class c WHERE c.relkind IN ('r', 'm', 'p') AND c.relname = ANY (@odoo)", sql, StringComparison.Ordinal);

        // Pages of the table, of its TOAST table and of its indexes, from the catalog: no file is touched to rank.
        Assert.Contains("SELECT c.oid, c.relpages::bigint AS pages FROM pg_class c", sql, StringComparison.Ordinal);
        Assert.Contains("JOIN pg_class t ON t.oid = c.reltoastrelid", sql, StringComparison.Ordinal);
        Assert.Contains("SELECT x.indrelid, c.relpages FROM pg_index x", sql, StringComparison.Ordinal);

        // Exact sizes for the chosen tables only.
        Assert.EndsWith("SELECT oid, pg_table_size(oid), pg_indexes_size(oid) FROM chosen", sql, StringComparison.Ordinal);
        Assert.DoesNotContain("pg_total_relation_size", sql, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(PostgresVersions.All), MemberType = typeof(PostgresVersions))]
    public void Stats_sql_evaluates_the_views_for_the_chosen_tables_only(int major)
    {
        var sql = UserTablesCollector.StatsSqlFor(major);

        Assert.EndsWith("WHERE s.relid = ANY (@oids) AND io.relid = ANY (@oids)", sql, StringComparison.Ordinal);
        Assert.DoesNotContain("pg_table_size", sql, StringComparison.Ordinal); // sizes are the choice's
    }

    [Theory]
    [MemberData(nameof(PostgresVersions.All), MemberType = typeof(PostgresVersions))]
    public void Stats_sql_reads_postgres_exporters_columns_and_none_added_after_12(int major)
    {
        var sql = UserTablesCollector.StatsSqlFor(major);

        foreach (var column in new[]
        {
            "seq_scan", "seq_tup_read", "idx_scan", "idx_tup_fetch", "n_tup_ins", "n_tup_upd", "n_tup_del", "n_tup_hot_upd",
            "n_live_tup", "n_dead_tup", "n_mod_since_analyze", "last_vacuum", "last_autovacuum", "last_analyze",
            "last_autoanalyze", "vacuum_count", "autovacuum_count", "analyze_count", "autoanalyze_count",
        })
        {
            Assert.Contains("s." + column + ",", sql, StringComparison.Ordinal);
        }

        foreach (var column in new[] { "heap_blks_read", "heap_blks_hit", "idx_blks_read", "idx_blks_hit", "toast_blks_read", "toast_blks_hit", "tidx_blks_read", "tidx_blks_hit" })
        {
            Assert.Contains("io." + column + ",", sql, StringComparison.Ordinal);
        }

        Assert.All(LaterTableColumns, c => Assert.DoesNotContain(c, sql, StringComparison.Ordinal));
        Assert.All([UserTablesCollector.ChoiceSqlFor(major), UserTablesCollector.UnusedIndexesSqlFor(major)], other =>
            Assert.All(LaterTableColumns, c => Assert.DoesNotContain(c, other, StringComparison.Ordinal)));
    }

    [Theory]
    [MemberData(nameof(PostgresVersions.All), MemberType = typeof(PostgresVersions))]
    public void Unused_indexes_sql_leaves_out_indexes_that_enforce_a_constraint(int major)
    {
        var sql = UserTablesCollector.UnusedIndexesSqlFor(major);

        Assert.Contains("NOT x.indisunique AND NOT x.indisprimary AND NOT x.indisexclusion", sql, StringComparison.Ordinal);
        Assert.Contains("pg_stat_get_numscans(x.indexrelid) = 0", sql, StringComparison.Ordinal);
        Assert.Contains("sum(c.relpages)", sql, StringComparison.Ordinal); // an estimate: no file is touched
    }

    [Fact]
    public void Discovery_takes_connectable_non_template_databases_up_to_the_cap()
    {
        var sql = PerTableDatabases.DiscoverySql(10);

        Assert.Contains("WHERE datallowconn AND NOT datistemplate AND has_database_privilege(oid, 'CONNECT')", sql, StringComparison.Ordinal);
        Assert.EndsWith("ORDER BY datname <> current_database(), datname LIMIT 10", sql, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("42501", false, true)] // no CONNECT privilege on another database
    [InlineData("3D000", false, true)] // the configured database does not exist
    [InlineData("28000", false, true)] // pg_hba.conf refuses it
    [InlineData("53300", false, true)] // too many connections
    [InlineData("57014", true, true)] // statement_timeout on the scrape's own connection
    [InlineData("42501", true, true)] // a privilege the role lacks, on the scrape's own connection
    [InlineData("57P01", true, false)] // the server is shutting down: the scrape fails
    [InlineData("08006", true, false)]
    public void Which_errors_skip_one_database(string sqlState, bool ownConnection, bool skippable)
    {
        var error = new PostgresException("message", "FATAL", "FATAL", sqlState);

        Assert.Equal(skippable, PerTableDatabases.IsSkippable(error, ownConnection));
    }

    [Theory]
    [InlineData(600, 400, 0.4)]
    [InlineData(0, 5, 1.0)]
    [InlineData(10, 0, 0.0)]
    public void Dead_tuple_ratio_is_dead_over_live_plus_dead(double live, double dead, double expected) =>
        Assert.Equal(expected, UserTablesCollector.DeadTupleRatio(live, dead)!.Value, 9);

    [Fact]
    public void Dead_tuple_ratio_is_absent_for_an_empty_table() =>
        Assert.Null(UserTablesCollector.DeadTupleRatio(0, 0));

    // The columns summed by the statements query, in order: sum(s.COLUMN).
    private static List<string> SummedColumns(string sql) =>
        [.. Regex.Matches(sql, @"sum\(s\.(\w+)\)").Select(m => m.Groups[1].Value)];
}
