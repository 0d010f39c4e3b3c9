using Npgsql;
using OdooPerf.Collector.Postgres;
using Xunit;

namespace OdooPerf.Collector.Tests.Postgres;

/// <summary>
/// The SQL of the collectors beyond postgres_exporter, chosen per server version (12 to 17), and their
/// pure helpers. Only one PostgreSQL version runs here: the last test runs every version's SQL on it and
/// checks that exactly the versions whose catalogs it matches succeed.
/// </summary>
public sealed class HealthSqlTests
{

    [Theory]
    [MemberData(nameof(PostgresVersions.All), MemberType = typeof(PostgresVersions))]
    public void Wal_statistics_come_from_pg_stat_wal_from_14_with_write_and_sync_columns_up_to_17(int version)
    {
        var sql = WalCollector.SqlFor(version);

        Assert.Contains("pg_current_wal_lsn()", sql, StringComparison.Ordinal);
        Assert.Contains("pg_is_in_recovery()", sql, StringComparison.Ordinal);
        if (version < 14)
        {
            Assert.DoesNotContain("pg_stat_wal", sql, StringComparison.Ordinal);
            Assert.DoesNotContain("wal_records", sql, StringComparison.Ordinal);
        }
        else
        {
            Assert.Contains("FROM pg_stat_wal", sql, StringComparison.Ordinal);
            foreach (var column in new[] { "wal_records", "wal_fpi", "wal_bytes", "wal_buffers_full", "wal_write", "wal_sync", "wal_write_time", "wal_sync_time" })
            {
                Assert.Contains(column, sql, StringComparison.Ordinal);
            }
        }
    }

    [Fact]
    public void Wal_write_and_sync_columns_are_not_queried_after_17()
    {
        var sql = WalCollector.SqlFor(18);

        Assert.Contains("wal_bytes", sql, StringComparison.Ordinal);
        Assert.DoesNotContain("wal_write", sql, StringComparison.Ordinal);
        Assert.DoesNotContain("wal_sync", sql, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(PostgresVersions.All), MemberType = typeof(PostgresVersions))]
    public void Reserved_connections_are_added_to_the_superuser_ones_from_16(int version)
    {
        var sql = ConnectionsCollector.SqlFor(version);

        Assert.Contains("current_setting('max_connections')", sql, StringComparison.Ordinal);
        Assert.Contains("current_setting('superuser_reserved_connections')", sql, StringComparison.Ordinal);
        Assert.Equal(version >= 16, sql.Contains("current_setting('reserved_connections')", StringComparison.Ordinal));
        Assert.Contains("backend_type = 'client backend'", sql, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(PostgresVersions.All), MemberType = typeof(PostgresVersions))]
    public void Vacuum_progress_reads_the_dead_tuple_store_in_tuples_up_to_16_and_in_bytes_on_17(int version)
    {
        var sql = VacuumProgressCollector.SqlFor(version);

        Assert.Contains("FROM pg_stat_progress_vacuum", sql, StringComparison.Ordinal);
        Assert.Contains("heap_blks_scanned", sql, StringComparison.Ordinal);
        Assert.Contains("heap_blks_total", sql, StringComparison.Ordinal);
        Assert.Contains("index_vacuum_count", sql, StringComparison.Ordinal);
        Assert.Equal(version >= 17, sql.Contains("max_dead_tuple_bytes", StringComparison.Ordinal));
        Assert.Equal(version >= 17, sql.Contains(" dead_tuple_bytes", StringComparison.Ordinal));
        Assert.Equal(version < 17, sql.Contains("max_dead_tuples", StringComparison.Ordinal));
        Assert.Equal(version < 17, sql.Contains("num_dead_tuples", StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(PostgresVersions.All), MemberType = typeof(PostgresVersions))]
    public void Lock_waits_start_at_pg_locks_waitstart_from_14_and_at_query_start_before(int version)
    {
        var sql = BlockingCollector.SqlFor(version);

        Assert.Contains("pg_blocking_pids(a.pid)", sql, StringComparison.Ordinal);
        Assert.Contains("wait_event_type = 'Lock'", sql, StringComparison.Ordinal);
        Assert.Contains("query_start", sql, StringComparison.Ordinal);
        Assert.Equal(version >= 14, sql.Contains("waitstart", StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(PostgresVersions.All), MemberType = typeof(PostgresVersions))]
    public void Wraparound_transaction_age_and_temp_files_use_the_same_sql_on_every_version(int version)
    {
        Assert.Equal(WraparoundCollector.Sql, WraparoundCollector.SqlFor(version));
        Assert.Equal(TransactionAgeCollector.Sql, TransactionAgeCollector.SqlFor(version));
        Assert.Equal(TempFilesCollector.Sql, TempFilesCollector.SqlFor(version));
        Assert.Contains("application_name IS DISTINCT FROM 'odooperf'", TransactionAgeCollector.Sql, StringComparison.Ordinal);
        Assert.Contains("backend_type = 'client backend'", TransactionAgeCollector.Sql, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("odoo-4242", "odoo")]
    [InlineData("odoo-1", "odoo")]
    [InlineData("Odoo-Prod-77", "odoo")]
    [InlineData("odooperf", "odooperf")]
    [InlineData("", "other")]
    [InlineData(null, "other")]
    [InlineData("psql", "other")]
    [InlineData("pgbench", "other")]
    [InlineData("my-odoo", "other")]
    public void Application_names_are_classified(string? applicationName, string expected) =>
        Assert.Equal(expected, ConnectionsCollector.Classify(applicationName));

    [Theory]
    [InlineData(30.0, 100.0, 3.0, 30.0 / 97)]
    [InlineData(97.0, 100.0, 3.0, 1.0)]
    [InlineData(5.0, 3.0, 3.0, 0.0)]
    public void The_used_ratio_is_relative_to_the_slots_open_to_ordinary_roles(double sessions, double max, double reserved, double expected) =>
        Assert.Equal(expected, ConnectionsCollector.UsedRatio(sessions, max, reserved), 9);

    [Theory]
    [InlineData(50_000.0, 200_000_000.0, 0.00025)]
    [InlineData(300_000_000.0, 200_000_000.0, 1.5)]
    [InlineData(10.0, 0.0, 0.0)]
    [InlineData(10.0, null, 0.0)]
    public void The_wraparound_ratio_divides_the_age_by_the_freeze_max_age(double age, double? limit, double expected) =>
        Assert.Equal(expected, WraparoundCollector.Ratio(age, limit), 9);

    [Theory]
    [InlineData(50.0, 200.0, 0.25)]
    [InlineData(0.0, 0.0, 0.0)]
    [InlineData(10.0, null, 0.0)]
    [InlineData(null, 10.0, 0.0)]
    [InlineData(12.0, 10.0, 1.0)]
    public void Vacuum_ratios_stay_within_0_and_1(double? done, double? total, double expected) =>
        Assert.Equal(expected, VacuumProgressCollector.Ratio(done, total), 9);
}

/// <summary>Every version's SQL against the real server: it runs exactly where the catalogs have what it reads.</summary>
[Collection(PostgresCollection.Name)]
public sealed class HealthSqlOnServerTests(PostgresClusterFixture fixture)
{
    [Theory]
    [MemberData(nameof(PostgresVersions.All), MemberType = typeof(PostgresVersions))]
    public async Task Each_versions_sql_runs_on_the_server_when_its_catalogs_match(int version)
    {
        var server = fixture.Cluster.MajorVersion;
        (string Collector, string Sql, bool Runs)[] queries =
        [
            ("wraparound", WraparoundCollector.SqlFor(version), true),
            ("transaction_age", TransactionAgeCollector.SqlFor(version), true),
            ("blocking", BlockingCollector.SqlFor(version), version < 14 || server >= 14),
            ("connections", ConnectionsCollector.SqlFor(version), version < 16 || server >= 16),
            ("wal", WalCollector.SqlFor(version), (version < 14 || server >= 14) && (!WalCollector.HasWalIo(version) || WalCollector.HasWalIo(server))),
            ("vacuum_progress", VacuumProgressCollector.SqlFor(version), version >= 17 == server >= 17),
            ("temp_files privilege", TempFilesCollector.PrivilegeSql, true),
            ("temp_files", TempFilesCollector.SqlFor(version), true),
        ];

        await using var connection = await fixture.Cluster.OpenAsync();
        foreach (var (collector, sql, runs) in queries)
        {
            await using var command = new NpgsqlCommand(sql, connection);
            if (runs)
            {
                await using var reader = await command.ExecuteReaderAsync();
                Assert.True(await reader.ReadAsync(), $"{collector} SQL of {version} returned no row on {server}");
            }
            else
            {
                // Undefined column (42703) or unrecognized parameter (42704): what a wrong choice would hit.
                var error = await Assert.ThrowsAsync<PostgresException>(() => command.ExecuteNonQueryAsync());
                Assert.Contains(error.SqlState, new[] { "42703", "42704", "42P01" });
            }
        }
    }
}
