using System.Diagnostics;
using Npgsql;
using OdooPerf.Collector.Postgres;
using OdooPerf.Collector.Scraping;
using OdooPerf.Collector.Tests.Scraping;
using OdooPerf.Testing;
using Prometheus;
using Xunit;

namespace OdooPerf.Collector.Tests.Postgres;

/// <summary>
/// The families beyond postgres_exporter (wraparound, transaction ages, blocking, connections, WAL,
/// vacuum progress, temporary files) against a real server, with the situations they exist for
/// provoked on purpose.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class HealthCollectorsTests(PostgresClusterFixture fixture)
{
    /// <summary>Every family these collectors add, with its type.</summary>
    public static readonly IReadOnlyDictionary<string, string> Families = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["pg_database_xid_age"] = "gauge",
        ["pg_database_mxid_age"] = "gauge",
        ["pg_database_wraparound_ratio"] = "gauge",
        ["pg_database_mxid_wraparound_ratio"] = "gauge",
        ["pg_oldest_transaction_age_seconds"] = "gauge",
        ["pg_oldest_idle_in_transaction_age_seconds"] = "gauge",
        ["pg_longest_query_age_seconds"] = "gauge",
        ["pg_blocked_sessions"] = "gauge",
        ["pg_blocking_sessions"] = "gauge",
        ["pg_longest_lock_wait_seconds"] = "gauge",
        ["pg_connections"] = "gauge",
        ["pg_connections_max"] = "gauge",
        ["pg_connections_reserved"] = "gauge",
        ["pg_connections_used_ratio"] = "gauge",
        ["pg_wal_position_bytes"] = "gauge",
        ["pg_stat_wal_records_total"] = "counter",
        ["pg_stat_wal_fpi_total"] = "counter",
        ["pg_stat_wal_bytes_total"] = "counter",
        ["pg_stat_wal_buffers_full_total"] = "counter",
        ["pg_stat_wal_write_total"] = "counter",
        ["pg_stat_wal_sync_total"] = "counter",
        ["pg_stat_wal_write_time_seconds_total"] = "counter",
        ["pg_stat_wal_sync_time_seconds_total"] = "counter",
        ["pg_vacuum_in_progress"] = "gauge",
        ["pg_vacuum_progress_ratio"] = "gauge",
        ["pg_vacuum_dead_tuple_storage_ratio"] = "gauge",
        ["pg_vacuum_index_passes"] = "gauge",
        ["pg_temp_files_current"] = "gauge",
        ["pg_temp_files_current_bytes"] = "gauge",
    };

    private static readonly string[] CollectorNames = ["wraparound", "transaction_age", "blocking", "connections", "wal", "vacuum_progress", "temp_files"];

    [Fact]
    public async Task An_idle_in_transaction_session_is_aged()
    {
        await using var collector = await fixture.StartCollectorAsync();
        await using var session = await fixture.Cluster.OpenAsync();
        await using var transaction = await session.BeginTransactionAsync();
        await ExecuteAsync(session, "SELECT 1", transaction);

        await Task.Delay(TimeSpan.FromSeconds(1.5));
        var scrape = await collector.ScrapeAsync();

        Assert.True(scrape.Value("pg_oldest_idle_in_transaction_age_seconds") >= 1, Dump(scrape, "pg_oldest_idle_in_transaction_age_seconds"));
        Assert.True(scrape.Value("pg_oldest_transaction_age_seconds") >= 1);
        Assert.Equal("gauge", scrape.Types["pg_oldest_idle_in_transaction_age_seconds"]);
    }

    [Fact]
    public async Task The_collectors_own_sessions_are_not_aged()
    {
        await using var collector = await fixture.StartCollectorAsync();
        var settings = new NpgsqlConnectionStringBuilder(fixture.Cluster.ConnectionString()) { ApplicationName = "odooperf" };
        await using var session = new NpgsqlConnection(settings.ConnectionString);
        await session.OpenAsync();
        await using var transaction = await session.BeginTransactionAsync();
        await ExecuteAsync(session, "SELECT 1", transaction);

        await Task.Delay(TimeSpan.FromSeconds(1.5));
        var scrape = await collector.ScrapeAsync();

        Assert.True(scrape.Value("pg_oldest_idle_in_transaction_age_seconds") < 1, Dump(scrape, "pg_oldest_idle_in_transaction_age_seconds"));
        Assert.True(scrape.Value("pg_oldest_transaction_age_seconds") < 1);
    }

    [Fact]
    public async Task A_long_running_statement_is_aged()
    {
        await using var collector = await fixture.StartCollectorAsync();
        await using var session = await fixture.Cluster.OpenAsync();
        var sleeping = Outcome(ExecuteAsync(session, "SELECT pg_sleep(30)"));

        await Task.Delay(TimeSpan.FromSeconds(1.3));
        var scrape = await collector.ScrapeAsync();
        await fixture.Cluster.ScalarAsync<bool>($"SELECT pg_cancel_backend({session.ProcessID})");
        Assert.Equal("57014", await sleeping);

        Assert.True(scrape.Value("pg_longest_query_age_seconds") >= 1, Dump(scrape, "pg_longest_query_age_seconds"));
        Assert.True(scrape.Value("pg_oldest_transaction_age_seconds") >= 1);
    }

    [Fact]
    public async Task A_session_blocked_on_a_row_lock_is_counted_with_its_wait()
    {
        await fixture.Cluster.ExecuteAsync("CREATE TABLE health_blocking (id int, v int); INSERT INTO health_blocking VALUES (1, 0)");
        await using var collector = await fixture.StartCollectorAsync();
        PrometheusText scrape;
        await using (var holder = await fixture.Cluster.OpenAsync())
        await using (var waiter = await fixture.Cluster.OpenAsync())
        {
            await using var transaction = await holder.BeginTransactionAsync();
            await ExecuteAsync(holder, "UPDATE health_blocking SET v = v + 1 WHERE id = 1", transaction);

            var blocked = ExecuteAsync(waiter, "UPDATE health_blocking SET v = v + 1 WHERE id = 1");
            await WaitForLockWaitAsync(waiter.ProcessID);
            await Task.Delay(TimeSpan.FromMilliseconds(200));
            scrape = await collector.ScrapeAsync();
            await transaction.CommitAsync();
            await blocked;
        }

        await fixture.Cluster.ExecuteAsync("DROP TABLE health_blocking");

        Assert.True(scrape.Value("pg_blocked_sessions") >= 1, Dump(scrape, "pg_blocked_sessions"));
        Assert.True(scrape.Value("pg_blocking_sessions") >= 1);
        Assert.True(scrape.Value("pg_longest_lock_wait_seconds") > 0, Dump(scrape, "pg_longest_lock_wait_seconds"));

        var after = await collector.ScrapeAsync();
        Assert.Equal(0, after.Value("pg_blocked_sessions"));
        Assert.Equal(0, after.Value("pg_longest_lock_wait_seconds"));
    }

    [Fact]
    public async Task A_deadlock_provoked_on_purpose_is_counted_for_its_database()
    {
        const string database = "health_deadlock";
        await fixture.Cluster.ExecuteAsync($"CREATE DATABASE {database}");
        await fixture.Cluster.ExecuteAsync("CREATE TABLE d (id int, v int); INSERT INTO d VALUES (1, 0), (2, 0)", database);
        PrometheusText scrape;
        double before;
        await using (var collector = await fixture.StartCollectorAsync())
        {
            before = Deadlocks(await collector.ScrapeAsync(), database);
            await ProvokeDeadlockAsync(database);

            // A backend reports its statistics when it goes idle or exits: give it a moment.
            scrape = await ScrapeUntilAsync(collector, s => Deadlocks(s, database) >= before + 1);
        }

        await fixture.Cluster.ExecuteAsync($"DROP DATABASE {database}");
        Assert.True(Deadlocks(scrape, database) >= before + 1, Dump(scrape, "pg_stat_database_deadlocks"));
    }

    [Fact]
    public async Task Wraparound_ages_are_positive_and_below_the_freeze_max_age()
    {
        await using var collector = await fixture.StartCollectorAsync();

        var scrape = await collector.ScrapeAsync();

        foreach (var datname in new[] { "postgres", "template0", "template1" })
        {
            Assert.True(scrape.Value("pg_database_xid_age", ("datname", datname)) > 0, Dump(scrape, "pg_database_xid_age"));
            var ratio = scrape.Value("pg_database_wraparound_ratio", ("datname", datname));
            Assert.InRange(ratio, double.Epsilon, 1 - double.Epsilon);
            Assert.True(scrape.Value("pg_database_mxid_age", ("datname", datname)) >= 0);
            Assert.InRange(scrape.Value("pg_database_mxid_wraparound_ratio", ("datname", datname)), 0, 1 - double.Epsilon);
        }

        var freezeMaxAge = double.Parse(await fixture.Cluster.ScalarAsync<string>("SHOW autovacuum_freeze_max_age"), System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(
            scrape.Value("pg_database_xid_age", ("datname", "postgres")) / freezeMaxAge,
            scrape.Value("pg_database_wraparound_ratio", ("datname", "postgres")),
            9);
    }

    [Fact]
    public async Task Connections_are_classified_and_compared_with_max_connections()
    {
        await using var collector = await fixture.StartCollectorAsync();
        var settings = new NpgsqlConnectionStringBuilder(fixture.Cluster.ConnectionString()) { ApplicationName = "odoo-4242" };
        await using var odoo = new NpgsqlConnection(settings.ConnectionString);
        await odoo.OpenAsync();
        await using var other = await fixture.Cluster.OpenAsync();

        var scrape = await collector.ScrapeAsync();

        Assert.True(scrape.Value("pg_connections", ("application_class", "odooperf")) >= 1, Dump(scrape, "pg_connections"));
        Assert.True(scrape.Value("pg_connections", ("application_class", "odoo")) >= 1);
        Assert.True(scrape.Value("pg_connections", ("application_class", "other")) >= 1);
        Assert.Equal(3, scrape.Family("pg_connections").Count());

        var max = double.Parse(await fixture.Cluster.ScalarAsync<string>("SHOW max_connections"), System.Globalization.CultureInfo.InvariantCulture);
        var reserved = double.Parse(await fixture.Cluster.ScalarAsync<string>("SHOW superuser_reserved_connections"), System.Globalization.CultureInfo.InvariantCulture);
        if (fixture.Cluster.MajorVersion >= 16)
        {
            reserved += double.Parse(await fixture.Cluster.ScalarAsync<string>("SHOW reserved_connections"), System.Globalization.CultureInfo.InvariantCulture);
        }

        Assert.Equal(max, scrape.Value("pg_connections_max"));
        Assert.Equal(reserved, scrape.Value("pg_connections_reserved"));
        var sessions = scrape.Family("pg_connections").Sum(s => s.Value);
        Assert.Equal(sessions / (max - reserved), scrape.Value("pg_connections_used_ratio"), 9);
        Assert.InRange(scrape.Value("pg_connections_used_ratio"), double.Epsilon, 1);
    }

    [Fact]
    public async Task Wal_generation_grows_after_inserting_rows()
    {
        await fixture.Cluster.ExecuteAsync("CREATE TABLE health_wal (id int, pad text)");
        await using var collector = await fixture.StartCollectorAsync();
        var before = await collector.ScrapeAsync();
        var positionBefore = before.Value("pg_wal_position_bytes");
        var bytesBefore = fixture.Cluster.MajorVersion >= 14 ? before.Value("pg_stat_wal_bytes_total") : 0;

        await fixture.Cluster.ExecuteAsync("INSERT INTO health_wal SELECT g, repeat('x', 100) FROM generate_series(1, 20000) g");

        // pg_current_wal_lsn() is the write position: with synchronous_commit off the WAL writer gets there
        // within a few wal_writer_delay; pg_stat_wal is reported when the inserting backend exits.
        var after = await ScrapeUntilAsync(collector, s =>
            s.Value("pg_wal_position_bytes") > positionBefore + 1_000_000
            && (fixture.Cluster.MajorVersion < 14 || s.Value("pg_stat_wal_bytes_total") > bytesBefore + 1_000_000));
        await fixture.Cluster.ExecuteAsync("DROP TABLE health_wal");
        Assert.True(after.Value("pg_wal_position_bytes") > positionBefore + 1_000_000, Dump(after, "pg_wal_position_bytes"));
        Assert.Equal("gauge", after.Types["pg_wal_position_bytes"]);
        if (fixture.Cluster.MajorVersion >= 14)
        {
            Assert.True(after.Value("pg_stat_wal_bytes_total") > bytesBefore + 1_000_000, Dump(after, "pg_stat_wal_bytes_total"));
            Assert.True(after.Value("pg_stat_wal_records_total") > before.Value("pg_stat_wal_records_total"));
            Assert.Equal("counter", after.Types["pg_stat_wal_bytes_total"]);
            Assert.True(after.HasSamples("pg_stat_wal_fpi_total"));
            Assert.True(after.HasSamples("pg_stat_wal_buffers_full_total"));
            Assert.Equal(fixture.Cluster.MajorVersion <= 17, after.HasSamples("pg_stat_wal_write_time_seconds_total"));
        }
    }

    [Fact]
    public async Task A_running_vacuum_shows_its_progress()
    {
        await using var collector = await fixture.StartCollectorAsync();
        await using var vacuum = await StartSlowVacuumAsync("health_vacuum");
        try
        {
            var scrape = await collector.ScrapeAsync();

            // Autovacuum may be working on another table of the database at the same moment.
            Assert.True(scrape.Value("pg_vacuum_in_progress", ("datname", "postgres")) >= 1, Dump(scrape, "pg_vacuum"));
            Assert.InRange(scrape.Value("pg_vacuum_in_progress", ("datname", "template1")), 0, 1); // present without a vacuum
            var progress = Assert.Single(scrape.Family("pg_vacuum_progress_ratio"), s => s.Label("relname") == "health_vacuum");
            Assert.Equal("postgres", progress.Label("datname"));
            Assert.Equal("scanning heap", progress.Label("phase"));
            Assert.InRange(progress.Value, 0, 1);
            Assert.InRange(scrape.Value("pg_vacuum_dead_tuple_storage_ratio", ("relname", "health_vacuum")), 0, 1);
            Assert.Equal(0, scrape.Value("pg_vacuum_index_passes", ("relname", "health_vacuum")));
        }
        finally
        {
            await vacuum.CancelAsync();
        }

        var after = await collector.ScrapeAsync();
        Assert.DoesNotContain(after.Family("pg_vacuum_progress_ratio"), s => s.Label("relname") == "health_vacuum");
        Assert.DoesNotContain(after.Family("pg_vacuum_index_passes"), s => s.Label("relname") == "health_vacuum");
    }

    [Fact]
    public async Task Temporary_files_in_use_are_counted()
    {
        await using var collector = await fixture.StartCollectorAsync();
        var before = await collector.ScrapeAsync();
        Assert.True(before.HasSamples("pg_temp_files_current"), Dump(before, "pg_temp_files"));

        // A holdable cursor is materialised at commit; past work_mem it lives in a temporary file until closed.
        await using var session = await fixture.Cluster.OpenAsync();
        await ExecuteAsync(session, "SET work_mem = '64kB'");
        await ExecuteAsync(session, "DECLARE health_cursor CURSOR WITH HOLD FOR SELECT g, repeat('x', 100) FROM generate_series(1, 200000) g");
        var holding = await collector.ScrapeAsync();
        await ExecuteAsync(session, "CLOSE health_cursor");
        var closed = await collector.ScrapeAsync();

        Assert.True(holding.Value("pg_temp_files_current") >= 1, Dump(holding, "pg_temp_files"));
        Assert.True(holding.Value("pg_temp_files_current_bytes") > 1_000_000);
        Assert.True(closed.Value("pg_temp_files_current_bytes") < holding.Value("pg_temp_files_current_bytes"));
    }

    [Fact]
    public async Task A_role_with_only_pg_monitor_gets_every_family()
    {
        await fixture.Cluster.ExecuteAsync("CREATE ROLE health_monitor LOGIN PASSWORD 'health-monitor-pw' IN ROLE pg_monitor");
        await using var collector = await fixture.StartCollectorAsync(fixture.Cluster.ConnectionString("health_monitor", "health-monitor-pw"));
        await using var vacuum = await StartSlowVacuumAsync("health_vacuum_monitor");
        PrometheusText scrape;
        try
        {
            scrape = await collector.ScrapeAsync();
        }
        finally
        {
            await vacuum.CancelAsync();
        }

        Assert.Equal(1, scrape.Value("pg_up"));
        AssertNoCollectorErrors(scrape);
        foreach (var family in ExpectedFamilies())
        {
            Assert.True(scrape.HasSamples(family), $"{family} missing for a pg_monitor role");
        }

        Assert.Contains(scrape.Family("pg_vacuum_progress_ratio"), s => s.Label("relname") == "health_vacuum_monitor");
    }

    [Fact]
    public async Task A_role_without_pg_monitor_gets_no_temp_file_families_and_no_error()
    {
        await fixture.Cluster.ExecuteAsync("CREATE ROLE health_plain LOGIN PASSWORD 'health-plain-pw'");
        var logLength = new FileInfo(fixture.Cluster.LogFile).Length;
        await using var collector = await fixture.StartCollectorAsync(fixture.Cluster.ConnectionString("health_plain", "health-plain-pw"));

        var scrape = await collector.ScrapeAsync();
        await collector.ScrapeAsync();

        Assert.Equal(1, scrape.Value("pg_up"));
        AssertNoCollectorErrors(scrape);
        Assert.False(scrape.HasSamples("pg_temp_files_current"));
        Assert.False(scrape.HasSamples("pg_temp_files_current_bytes"));
        Assert.True(scrape.HasSamples("pg_database_xid_age"));
        Assert.True(scrape.HasSamples("pg_connections_max"));
        Assert.True(scrape.HasSamples("pg_oldest_transaction_age_seconds"));
        var log = await File.ReadAllBytesAsync(fixture.Cluster.LogFile);
        Assert.DoesNotContain("pg_ls_tmpdir", System.Text.Encoding.UTF8.GetString(log, (int)logLength, log.Length - (int)logLength), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_temp_file_privilege_is_checked_again_after_a_failure_and_after_its_interval()
    {
        await fixture.Cluster.ExecuteAsync("CREATE ROLE health_regranted LOGIN PASSWORD 'health-regranted-pw' IN ROLE pg_monitor");
        var time = new ManualClock();
        var registry = Metrics.NewCustomRegistry();
        var factory = Metrics.WithCustomRegistry(registry);
        var collector = new TempFilesCollector(new PostgresFamilies(factory, new CardinalityGuard(factory), server: null), time);
        var options = new PostgresOptions();
        await using var connections = new PostgresConnections(
            new PostgresServerOptions { ConnectionString = fixture.Cluster.ConnectionString("health_regranted", "health-regranted-pw") }, options, TimeSpan.FromSeconds(10));
        async Task<PrometheusText> CollectAsync()
        {
            await using var connection = await connections.OpenAsync(CancellationToken.None);
            await collector.CollectAsync(new PostgresScrape(connection, connections, options), CancellationToken.None);
            return await Exposition.CollectAsync(registry);
        }

        Assert.True((await CollectAsync()).HasSamples("pg_temp_files_current_bytes"));

        // Revoked within the interval: the cached privilege fails the query once; the source clears the
        // collector and drops the session (as PostgresSource does after a failed query), and the next
        // scrape checks again and skips quietly.
        await fixture.Cluster.ExecuteAsync("REVOKE pg_monitor FROM health_regranted");
        var error = await Assert.ThrowsAsync<PostgresException>(CollectAsync);
        Assert.Equal("42501", error.SqlState);
        collector.Clear();
        connections.Reset();
        Assert.False((await CollectAsync()).HasSamples("pg_temp_files_current_bytes"));

        // Granted again: noticed once the interval has passed.
        await fixture.Cluster.ExecuteAsync("GRANT pg_monitor TO health_regranted");
        Assert.False((await CollectAsync()).HasSamples("pg_temp_files_current_bytes"));
        time.Advance(TempFilesCollector.PrivilegeRecheckInterval);
        Assert.True((await CollectAsync()).HasSamples("pg_temp_files_current_bytes"));
    }

    [Fact]
    public async Task Promtool_check_metrics_reports_nothing_about_these_families()
    {
        var promtool = ExternalTool.Require(ExternalTool.Promtool);
        await using var collector = await fixture.StartCollectorAsync();
        await using var vacuum = await StartSlowVacuumAsync("health_vacuum_promtool");
        string text;
        try
        {
            text = await collector.ScrapeTextAsync();
        }
        finally
        {
            await vacuum.CancelAsync();
        }

        var result = await ProcessRunner.RunAsync(promtool, ["check", "metrics"], standardInput: text);

        var scrape = PrometheusText.Parse(text);
        foreach (var family in ExpectedFamilies())
        {
            Assert.True(scrape.HasSamples(family), $"{family} is not in the scrape, so promtool did not check it");
            Assert.Equal(Families[family], scrape.Types[family]);
        }

        var findings = (result.StandardOutput + result.StandardError)
            .Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var ours = findings.Where(f => Families.ContainsKey(f.Split(' ')[0])).ToList();
        Assert.True(ours.Count == 0, "promtool check metrics found:\n" + string.Join('\n', ours));
    }

    private IEnumerable<string> ExpectedFamilies() =>
        Families.Keys.Where(f => fixture.Cluster.MajorVersion >= 14 || !f.StartsWith("pg_stat_wal_", StringComparison.Ordinal))
            .Where(f => fixture.Cluster.MajorVersion <= 17 || !(f.StartsWith("pg_stat_wal_write", StringComparison.Ordinal) || f.StartsWith("pg_stat_wal_sync", StringComparison.Ordinal)));

    private static void AssertNoCollectorErrors(PrometheusText scrape)
    {
        var errors = scrape.Family("odooperf_postgres_collector_errors_total").Where(s => CollectorNames.Contains(s.Label("collector")) && s.Value > 0).ToList();
        Assert.True(errors.Count == 0, "collector errors: " + string.Join(", ", errors.Select(e => e.Label("collector"))));
    }

    private static double Deadlocks(PrometheusText scrape, string database) =>
        scrape.Family("pg_stat_database_deadlocks").Where(s => s.Label("datname") == database).Select(s => s.Value).DefaultIfEmpty(0).Single();

    private static async Task<PrometheusText> ScrapeUntilAsync(CollectorProcess collector, Func<PrometheusText, bool> condition)
    {
        var stopwatch = Stopwatch.StartNew();
        while (true)
        {
            var scrape = await collector.ScrapeAsync();
            if (condition(scrape) || stopwatch.Elapsed > TimeSpan.FromSeconds(15))
            {
                return scrape;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(250));
        }
    }

    /// <summary>Two sessions update rows 1 and 2 in opposite orders; PostgreSQL cancels one after deadlock_timeout (100 ms).</summary>
    private async Task ProvokeDeadlockAsync(string database)
    {
        await using var first = await fixture.Cluster.OpenAsync(database);
        await using var second = await fixture.Cluster.OpenAsync(database);
        await using var firstTransaction = await first.BeginTransactionAsync();
        await using var secondTransaction = await second.BeginTransactionAsync();
        await ExecuteAsync(first, "UPDATE d SET v = v + 1 WHERE id = 1", firstTransaction);
        await ExecuteAsync(second, "UPDATE d SET v = v + 1 WHERE id = 2", secondTransaction);

        var firstWaits = ExecuteAsync(first, "UPDATE d SET v = v + 1 WHERE id = 2", firstTransaction);
        await WaitForLockWaitAsync(first.ProcessID);
        var secondWaits = ExecuteAsync(second, "UPDATE d SET v = v + 1 WHERE id = 1", secondTransaction);

        var outcomes = await Task.WhenAll(Outcome(firstWaits), Outcome(secondWaits));
        Assert.Single(outcomes, o => o == "40P01");
    }

    private async Task WaitForLockWaitAsync(int pid)
    {
        var stopwatch = Stopwatch.StartNew();
        while (await fixture.Cluster.ScalarAsync<long>($"SELECT count(*) FROM pg_stat_activity WHERE pid = {pid} AND wait_event_type = 'Lock'") == 0)
        {
            Assert.True(stopwatch.Elapsed < TimeSpan.FromSeconds(15), $"backend {pid} never waited on a lock");
            await Task.Delay(TimeSpan.FromMilliseconds(50));
        }
    }

    /// <summary>
    /// A VACUUM slowed to a crawl (cost delay 100 ms after every page of a ~600-page table), running until
    /// cancelled; returns once pg_stat_progress_vacuum shows it.
    /// </summary>
    private async Task<SlowVacuum> StartSlowVacuumAsync(string table)
    {
        // Autovacuum kept off it, so that only our VACUUM works on it.
        await fixture.Cluster.ExecuteAsync($"CREATE TABLE {table} WITH (autovacuum_enabled = off) AS SELECT g, repeat('x', 200) AS pad FROM generate_series(1, 20000) g");
        var session = await fixture.Cluster.OpenAsync();
        await ExecuteAsync(session, "SET vacuum_cost_delay = 100");
        await ExecuteAsync(session, "SET vacuum_cost_limit = 1");
        var running = ExecuteAsync(session, $"VACUUM (DISABLE_PAGE_SKIPPING) {table}");
        var vacuum = new SlowVacuum(fixture.Cluster, session, running, table);
        var stopwatch = Stopwatch.StartNew();
        while (await fixture.Cluster.ScalarAsync<long>($"SELECT count(*) FROM pg_stat_progress_vacuum WHERE pid = {session.ProcessID}") == 0)
        {
            if (stopwatch.Elapsed > TimeSpan.FromSeconds(15) || running.IsCompleted)
            {
                await vacuum.DisposeAsync();
                Assert.Fail("the slowed VACUUM never showed in pg_stat_progress_vacuum");
            }

            await Task.Delay(TimeSpan.FromMilliseconds(50));
        }

        return vacuum;
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, NpgsqlTransaction? transaction = null)
    {
        await using var command = new NpgsqlCommand(sql, connection, transaction);
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<string> Outcome(Task statement)
    {
        try
        {
            await statement;
            return "ok";
        }
        catch (PostgresException ex)
        {
            return ex.SqlState;
        }
    }

    private static string Dump(PrometheusText scrape, string prefix) =>
        string.Join('\n', scrape.Samples.Where(s => s.Name.StartsWith(prefix, StringComparison.Ordinal))
            .Select(s => $"{s.Name}{{{string.Join(',', s.Labels.Select(l => $"{l.Key}={l.Value}"))}}} {s.Value}"));

    private sealed class SlowVacuum(PostgresCluster cluster, NpgsqlConnection session, Task running, string table) : IAsyncDisposable
    {
        private bool _cancelled;

        /// <summary>Cancels the VACUUM and waits until it has stopped.</summary>
        public async Task CancelAsync()
        {
            if (_cancelled)
            {
                return;
            }

            _cancelled = true;
            await cluster.ScalarAsync<bool>($"SELECT pg_cancel_backend({session.ProcessID})");
            try
            {
                await running;
            }
            catch (PostgresException ex) when (ex.SqlState == "57014")
            {
                // Cancelled, as asked.
            }
        }

        public async ValueTask DisposeAsync()
        {
            await CancelAsync();
            await session.DisposeAsync();
            await cluster.ExecuteAsync($"DROP TABLE {table}");
        }
    }
}
