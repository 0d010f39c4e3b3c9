using OdooPerf.Collector.Postgres;
using Xunit;

namespace OdooPerf.Collector.Tests.Postgres;

/// <summary>
/// The SQL the postgres_exporter-compatible collectors choose for each supported server version, and the
/// pg_settings name and unit conversion, without a server: only PostgreSQL 15 runs here.
/// </summary>
public sealed class CompatibilitySqlTests
{

    [Theory]
    [MemberData(nameof(PostgresVersions.All), MemberType = typeof(PostgresVersions))]
    public void Bgwriter_reads_pg_stat_checkpointer_from_17_and_pg_stat_bgwriter_checkpoint_columns_before(int version)
    {
        var sql = BgwriterCollector.Sql(version);
        var metrics = BgwriterCollector.Metrics(version);

        Assert.Contains("pg_stat_bgwriter b", sql, StringComparison.Ordinal);
        if (version >= 17)
        {
            Assert.Contains("pg_stat_checkpointer", sql, StringComparison.Ordinal);
            foreach (var column in new[] { "num_timed", "num_requested", "write_time", "sync_time", "buffers_written" })
            {
                Assert.Contains("c." + column, sql, StringComparison.Ordinal);
            }

            // Columns 17 removed from pg_stat_bgwriter are never selected, and their series are not exported.
            Assert.DoesNotContain("buffers_backend", sql, StringComparison.Ordinal);
            Assert.DoesNotContain("checkpoints_timed", sql, StringComparison.Ordinal);
            Assert.DoesNotContain("pg_stat_bgwriter_buffers_backend_total", metrics);
            Assert.DoesNotContain("pg_stat_bgwriter_buffers_backend_fsync_total", metrics);
            Assert.Contains("pg_stat_bgwriter_checkpoints_req_total", metrics);
        }
        else
        {
            Assert.DoesNotContain("pg_stat_checkpointer", sql, StringComparison.Ordinal);
            foreach (var column in new[] { "checkpoints_timed", "checkpoints_req", "checkpoint_write_time", "checkpoint_sync_time", "buffers_checkpoint", "buffers_backend", "buffers_backend_fsync" })
            {
                Assert.Contains("b." + column, sql, StringComparison.Ordinal);
            }

            Assert.Equal(11, metrics.Count);
        }

        Assert.All(metrics, m => Assert.Matches("^pg_stat_bgwriter_[a-z_]+_total$", m));
    }

    [Theory]
    [MemberData(nameof(PostgresVersions.All), MemberType = typeof(PostgresVersions))]
    public void Replication_slots_select_wal_status_and_safe_wal_size_from_13(int version)
    {
        var sql = ReplicationCollector.SlotsSql(version);

        Assert.Contains("FROM pg_replication_slots", sql, StringComparison.Ordinal);
        Assert.Contains("confirmed_flush_lsn", sql, StringComparison.Ordinal);
        Assert.Equal(version >= 13, sql.Contains("wal_status", StringComparison.Ordinal));
        Assert.Equal(version >= 13, sql.Contains("safe_wal_size", StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(PostgresVersions.All), MemberType = typeof(PostgresVersions))]
    public void Stat_replication_joins_the_senders_slot_and_reads_the_pg_10_plus_lsn_functions(int version)
    {
        var sql = ReplicationCollector.StatReplicationSql(version);

        Assert.Contains("FROM pg_stat_replication", sql, StringComparison.Ordinal);
        Assert.Contains("s.active_pid = r.pid", sql, StringComparison.Ordinal);
        Assert.Contains("reply_time", sql, StringComparison.Ordinal); // since 12
        Assert.Contains("pg_current_wal_lsn()", sql, StringComparison.Ordinal);
        Assert.DoesNotContain("xlog", sql, StringComparison.Ordinal); // the pre-10 names
    }

    [Fact]
    public void Activity_and_locks_zero_fill_the_states_and_modes_postgres_exporter_lists()
    {
        Assert.Equal(["active", "idle", "idle in transaction", "idle in transaction (aborted)", "fastpath function call", "disabled"], ActivityCollector.States);
        Assert.All(ActivityCollector.States, s => Assert.Contains($"('{s}')", ActivityCollector.Sql, StringComparison.Ordinal));
        Assert.Contains("CROSS JOIN", ActivityCollector.Sql, StringComparison.Ordinal);
        Assert.Contains("pid <> pg_backend_pid()", ActivityCollector.Sql, StringComparison.Ordinal);

        Assert.Equal(9, LocksCollector.Modes.Count);
        Assert.All(LocksCollector.Modes, m => Assert.Contains($"('{m}')", LocksCollector.Sql, StringComparison.Ordinal));
        Assert.All(LocksCollector.Modes, m => Assert.Equal(m.ToLowerInvariant(), m));
        Assert.Contains("lower(mode)", LocksCollector.Sql, StringComparison.Ordinal);
    }

    [Fact]
    public void Archiver_reads_the_age_of_the_last_archived_segment()
    {
        Assert.Contains("now() - last_archived_time", ArchiverCollector.Sql, StringComparison.Ordinal);
        Assert.Contains("FROM pg_stat_archiver", ArchiverCollector.Sql, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("shared_buffers", "16384", "8kB", "integer", "pg_settings_shared_buffers_bytes", 134217728)]
    [InlineData("wal_buffers", "512", "8kB", "integer", "pg_settings_wal_buffers_bytes", 4194304)]
    [InlineData("work_mem", "4096", "kB", "integer", "pg_settings_work_mem_bytes", 4194304)]
    [InlineData("max_wal_size", "1024", "MB", "integer", "pg_settings_max_wal_size_bytes", 1073741824)]
    [InlineData("wal_segment_size", "16777216", "B", "integer", "pg_settings_wal_segment_size_bytes", 16777216)]
    [InlineData("min_wal_size", "5", "16MB", "integer", "pg_settings_min_wal_size_bytes", 83886080)] // PostgreSQL 10's unit
    [InlineData("temp_file_limit", "-1", "kB", "integer", "pg_settings_temp_file_limit_bytes", -1)] // -1 stays -1
    [InlineData("statement_timeout", "0", "ms", "integer", "pg_settings_statement_timeout_seconds", 0)]
    [InlineData("deadlock_timeout", "1000", "ms", "integer", "pg_settings_deadlock_timeout_seconds", 1)]
    [InlineData("autovacuum_vacuum_cost_delay", "2", "ms", "real", "pg_settings_autovacuum_vacuum_cost_delay_seconds", 0.002)]
    [InlineData("log_min_duration_statement", "-1", "ms", "integer", "pg_settings_log_min_duration_statement_seconds", -1)]
    [InlineData("checkpoint_timeout", "300", "s", "integer", "pg_settings_checkpoint_timeout_seconds", 300)]
    [InlineData("autovacuum_naptime", "1", "min", "integer", "pg_settings_autovacuum_naptime_seconds", 60)]
    [InlineData("log_rotation_age", "1440", "min", "integer", "pg_settings_log_rotation_age_seconds", 86400)]
    [InlineData("some_timeout", "2", "h", "integer", "pg_settings_some_timeout_seconds", 7200)]
    [InlineData("some_age", "2", "d", "integer", "pg_settings_some_age_seconds", 172800)]
    [InlineData("max_connections", "100", "", "integer", "pg_settings_max_connections", 100)]
    [InlineData("random_page_cost", "1.1", "", "real", "pg_settings_random_page_cost", 1.1)]
    [InlineData("fsync", "on", "", "bool", "pg_settings_fsync", 1)]
    [InlineData("jit", "off", "", "bool", "pg_settings_jit", 0)]
    [InlineData("pg_stat_statements.max", "5000", "", "integer", "pg_settings_pg_stat_statements_max", 5000)]
    [InlineData("my-ext.odd name!", "1", "", "integer", "pg_settings_my_ext_odd_name_", 1)]
    public void Settings_are_named_and_converted_as_postgres_exporter_does(string name, string setting, string unit, string vartype, string metric, double value)
    {
        var converted = SettingsCollector.Convert(name, setting, unit, vartype);

        Assert.NotNull(converted);
        Assert.Equal(metric, converted.Metric);
        Assert.Equal(value, converted.Value, 9);
    }

    [Fact]
    public void Settings_help_is_upstreams_and_says_the_unit_conversion()
    {
        Assert.Equal("Server Parameter: shared_buffers [Units converted to bytes.]", SettingsCollector.Convert("shared_buffers", "16384", "8kB", "integer")!.Help);
        Assert.Equal("Server Parameter: statement_timeout [Units converted to seconds.]", SettingsCollector.Convert("statement_timeout", "0", "ms", "integer")!.Help);
        Assert.Equal("Server Parameter: max_connections", SettingsCollector.Convert("max_connections", "100", "", "integer")!.Help);
    }

    [Theory]
    [InlineData("x", "10", "us", "integer")] // a unit postgres_exporter does not know: left out, never exported unit-less
    [InlineData("x", "10", "parsecs", "integer")]
    [InlineData("x", "ten", "", "integer")]
    public void Settings_that_cannot_be_named_or_read_are_left_out(string name, string setting, string unit, string vartype) =>
        Assert.Null(SettingsCollector.Convert(name, setting, unit, vartype));

    [Fact]
    public void Settings_sql_is_postgres_exporters_selection()
    {
        Assert.Contains("vartype IN ('bool', 'integer', 'real')", SettingsCollector.Sql, StringComparison.Ordinal);
        Assert.Contains("sync_commit_cancel_wait", SettingsCollector.Sql, StringComparison.Ordinal);
    }
}
