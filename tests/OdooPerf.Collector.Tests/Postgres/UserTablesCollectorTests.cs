using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using OdooPerf.Collector.Postgres;
using OdooPerf.Collector.Scraping;
using OdooPerf.Collector.Tests.Scraping;
using OdooPerf.Testing;
using Prometheus;
using Xunit;

namespace OdooPerf.Collector.Tests.Postgres;

/// <summary>
/// pg_stat_user_tables_*, pg_statio_user_tables_* and the unused-index families against a real server: the
/// top N chosen in SQL plus the Odoo tables, dead tuples, vacuum times, sizes, which databases are visited.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class UserTablesCollectorTests(PostgresClusterFixture fixture)
{
    /// <summary>postgres_exporter's per-table families (0.15 to 0.18 together) and their types.</summary>
    public static readonly (string Name, string Type)[] ExporterFamilies =
    [
        ("pg_stat_user_tables_seq_scan", "counter"), ("pg_stat_user_tables_seq_tup_read", "counter"),
        ("pg_stat_user_tables_idx_scan", "counter"), ("pg_stat_user_tables_idx_tup_fetch", "counter"),
        ("pg_stat_user_tables_n_tup_ins", "counter"), ("pg_stat_user_tables_n_tup_upd", "counter"),
        ("pg_stat_user_tables_n_tup_del", "counter"), ("pg_stat_user_tables_n_tup_hot_upd", "counter"),
        ("pg_stat_user_tables_n_live_tup", "gauge"), ("pg_stat_user_tables_n_dead_tup", "gauge"),
        ("pg_stat_user_tables_n_mod_since_analyze", "gauge"),
        ("pg_stat_user_tables_last_vacuum", "gauge"), ("pg_stat_user_tables_last_autovacuum", "gauge"),
        ("pg_stat_user_tables_last_analyze", "gauge"), ("pg_stat_user_tables_last_autoanalyze", "gauge"),
        ("pg_stat_user_tables_vacuum_count", "counter"), ("pg_stat_user_tables_autovacuum_count", "counter"),
        ("pg_stat_user_tables_analyze_count", "counter"), ("pg_stat_user_tables_autoanalyze_count", "counter"),
        ("pg_stat_user_tables_size_bytes", "gauge"), ("pg_stat_user_tables_table_size_bytes", "gauge"),
        ("pg_stat_user_tables_index_size_bytes", "gauge"),
        ("pg_statio_user_tables_heap_blocks_read", "counter"), ("pg_statio_user_tables_heap_blocks_hit", "counter"),
        ("pg_statio_user_tables_idx_blocks_read", "counter"), ("pg_statio_user_tables_idx_blocks_hit", "counter"),
        ("pg_statio_user_tables_toast_blocks_read", "counter"), ("pg_statio_user_tables_toast_blocks_hit", "counter"),
        ("pg_statio_user_tables_tidx_blocks_read", "counter"), ("pg_statio_user_tables_tidx_blocks_hit", "counter"),
    ];

    private static readonly string[] TableLabels = ["datname", "relname", "schemaname"];

    [Fact]
    public async Task Only_the_largest_tables_and_the_odoo_tables_are_reported()
    {
        await fixture.Cluster.ExecuteAsync("CREATE DATABASE tables_topn");
        // 60 tables of 200 to 12,000 rows (2 to about 200 pages each), and a one-row mail_message.
        await fixture.Cluster.ExecuteAsync(
            """
            DO $$ BEGIN
              FOR i IN 1..60 LOOP
                EXECUTE format('CREATE TABLE t%s AS SELECT g AS id, repeat(''x'', 100) AS pad FROM generate_series(1, %s) g', lpad(i::text, 2, '0'), i * 200);
              END LOOP;
            END $$;
            CREATE TABLE mail_message (id int, body text);
            INSERT INTO mail_message VALUES (1, 'hello');
            """,
            "tables_topn");
        await fixture.Cluster.ExecuteAsync("ANALYZE", "tables_topn"); // the page counts the ranking reads
        await using var collector = await fixture.StartCollectorAsync(environment: new Dictionary<string, string?>
        {
            ["ODOOPERF_POSTGRES__TOPTABLES"] = "10",
            ["ODOOPERF_POSTGRES__SERVERS__0__DATABASES__0"] = "tables_topn",
        });

        var scrape = await collector.ScrapeAsync();

        string[] expected = [.. Enumerable.Range(51, 10).Select(i => $"t{i}"), "mail_message"];
        foreach (var (name, type) in ExporterFamilies)
        {
            var tables = scrape.Family(name).Where(s => s.Label("datname") == "tables_topn").Select(s => s.Label("relname"));
            Assert.Equal(expected.Order(StringComparer.Ordinal), tables.Order(StringComparer.Ordinal));
            Assert.Equal(type, scrape.Types[name]);
            Assert.All(scrape.Family(name), s => Assert.Equal(TableLabels, s.Labels.Keys.Order(StringComparer.Ordinal)));
        }

        (string, string) database = ("datname", "tables_topn");
        Assert.Equal(1, scrape.Value("pg_stat_user_tables_n_live_tup", database, ("relname", "mail_message")));
        Assert.Equal(12_000, scrape.Value("pg_stat_user_tables_n_tup_ins", database, ("relname", "t60")));
        Assert.Equal("public", scrape.Family("pg_stat_user_tables_seq_scan").First(s => s.Label("datname") == "tables_topn").Label("schemaname"));
        Assert.Equal(1, scrape.Value("pg_stat_user_tables_analyze_count", database, ("relname", "t60")));
        var analyzed = scrape.Value("pg_stat_user_tables_last_analyze", database, ("relname", "t60"));
        Assert.InRange(DateTimeOffset.UtcNow.ToUnixTimeSeconds() - analyzed, -5, 600); // Unix seconds
        Assert.Equal(0, scrape.Value("pg_stat_user_tables_idx_scan", database, ("relname", "t60"))); // NULL (no index) as 0, as postgres_exporter
    }

    [Fact]
    public async Task Dead_rows_vacuum_times_and_sizes_are_reported()
    {
        await fixture.Cluster.ExecuteAsync("CREATE DATABASE tables_dead");
        await fixture.Cluster.ExecuteAsync(
            """
            CREATE TABLE dead_rows (id int PRIMARY KEY, b int, note text) WITH (autovacuum_enabled = false);
            INSERT INTO dead_rows SELECT g, g, repeat('n', 50) FROM generate_series(1, 1000) g;
            CREATE INDEX dead_rows_b ON dead_rows (b);
            CREATE TABLE vacuumed (id int) WITH (autovacuum_enabled = false);
            INSERT INTO vacuumed SELECT generate_series(1, 100);
            """,
            "tables_dead");
        await fixture.Cluster.ExecuteAsync("DELETE FROM dead_rows WHERE id <= 400", "tables_dead");
        await fixture.Cluster.ExecuteAsync("VACUUM vacuumed", "tables_dead");
        var totalSize = await fixture.Cluster.ScalarAsync<long>("SELECT pg_total_relation_size('dead_rows')", "tables_dead");
        var indexesSize = await fixture.Cluster.ScalarAsync<long>("SELECT pg_indexes_size('dead_rows')", "tables_dead");
        await using var collector = await fixture.StartCollectorAsync(environment: new Dictionary<string, string?>
        {
            ["ODOOPERF_POSTGRES__SERVERS__0__DATABASES__0"] = "tables_dead",
        });

        var scrape = await collector.ScrapeAsync();

        (string, string) database = ("datname", "tables_dead");
        (string, string) deadRows = ("relname", "dead_rows");
        Assert.Equal(400, scrape.Value("pg_stat_user_tables_n_dead_tup", database, deadRows));
        Assert.Equal(600, scrape.Value("pg_stat_user_tables_n_live_tup", database, deadRows));
        var ratio = scrape.Value("pg_stat_user_tables_dead_tuple_ratio", database, deadRows);
        Assert.InRange(ratio, double.Epsilon, 1);
        Assert.Equal(0.4, ratio, 9);
        Assert.Equal("gauge", scrape.Types["pg_stat_user_tables_dead_tuple_ratio"]);

        Assert.Equal(totalSize, scrape.Value("pg_stat_user_tables_size_bytes", database, deadRows));
        Assert.Equal(indexesSize, scrape.Value("pg_stat_user_tables_index_size_bytes", database, deadRows));
        Assert.Equal(totalSize - indexesSize, scrape.Value("pg_stat_user_tables_table_size_bytes", database, deadRows));

        // A manual VACUUM: its time in Unix seconds and its count; autovacuum never ran, so no age and postgres_exporter's 0.
        (string, string) vacuumed = ("relname", "vacuumed");
        Assert.InRange(DateTimeOffset.UtcNow.ToUnixTimeSeconds() - scrape.Value("pg_stat_user_tables_last_vacuum", database, vacuumed), -5, 600);
        Assert.Equal(1, scrape.Value("pg_stat_user_tables_vacuum_count", database, vacuumed));
        Assert.Equal(0, scrape.Value("pg_stat_user_tables_last_autovacuum", database, vacuumed));
        Assert.DoesNotContain(scrape.Family("pg_stat_user_tables_last_autovacuum_age_seconds"), s => s.Label("datname") == "tables_dead");
        Assert.DoesNotContain(scrape.Family("pg_stat_user_tables_last_autoanalyze_age_seconds"), s => s.Label("datname") == "tables_dead");
    }

    [Fact]
    public async Task An_index_never_scanned_counts_as_unused_until_it_is_used()
    {
        await fixture.Cluster.ExecuteAsync("CREATE DATABASE tables_unused");
        await fixture.Cluster.ExecuteAsync(
            """
            CREATE TABLE orders (id int PRIMARY KEY, customer int, code text UNIQUE);
            INSERT INTO orders SELECT g, g % 100, 'c' || g FROM generate_series(1, 5000) g;
            CREATE INDEX orders_customer ON orders (customer);
            """,
            "tables_unused");
        var indexBytes = await fixture.Cluster.ScalarAsync<long>("SELECT pg_relation_size('orders_customer')", "tables_unused");
        await using var collector = await fixture.StartCollectorAsync(environment: new Dictionary<string, string?>
        {
            ["ODOOPERF_POSTGRES__SERVERS__0__DATABASES__0"] = "tables_unused",
            ["ODOOPERF_POSTGRES__SIZEINTERVAL"] = "00:00:00",
        });

        var before = await collector.ScrapeAsync();

        (string, string) database = ("datname", "tables_unused");
        Assert.Equal(1, before.Value("pg_unused_indexes", database)); // not the primary key, not the unique one
        Assert.Equal(indexBytes, before.Value("pg_unused_indexes_bytes", database));
        Assert.Equal("gauge", before.Types["pg_unused_indexes"]);
        Assert.Equal("gauge", before.Types["pg_unused_indexes_bytes"]);
        Assert.All(before.Family("pg_unused_indexes"), s => Assert.Equal(["datname"], s.Labels.Keys));

        await fixture.Cluster.ExecuteAsync("SET enable_seqscan = off; SELECT count(*) FROM orders WHERE customer = 7", "tables_unused");
        var after = await ScrapeUntilAsync(collector, s => s.Value("pg_unused_indexes", database) == 0);

        Assert.Equal(0, after.Value("pg_unused_indexes_bytes", database));
    }

    [Fact]
    public async Task Without_configured_databases_every_connectable_one_is_visited_up_to_the_cap()
    {
        await fixture.Cluster.ExecuteAsync("CREATE DATABASE tables_discovered");
        await fixture.Cluster.ExecuteAsync("CREATE TABLE found_me (id int)", "tables_discovered");
        await fixture.Cluster.ExecuteAsync("CREATE DATABASE tables_not_connectable");
        await fixture.Cluster.ExecuteAsync("CREATE TABLE hidden (id int)", "tables_not_connectable");
        await fixture.Cluster.ExecuteAsync("ALTER DATABASE tables_not_connectable ALLOW_CONNECTIONS false");

        await using (var all = await fixture.StartCollectorAsync(environment: new Dictionary<string, string?> { ["ODOOPERF_POSTGRES__MAXDATABASES"] = "1000" }))
        {
            var scrape = await all.ScrapeAsync();

            Assert.Contains(scrape.Family("pg_stat_user_tables_n_live_tup"), s => s.Label("datname") == "tables_discovered" && s.Label("relname") == "found_me");
            var visited = scrape.Family("pg_unused_indexes").Select(s => s.Label("datname")).ToList();
            Assert.Contains("postgres", visited);
            Assert.DoesNotContain("tables_not_connectable", visited);
            Assert.DoesNotContain("template1", visited);
            Assert.DoesNotContain("template0", visited);
        }

        await using var capped = await fixture.StartCollectorAsync(environment: new Dictionary<string, string?> { ["ODOOPERF_POSTGRES__MAXDATABASES"] = "1" });
        var one = await capped.ScrapeAsync();

        Assert.Equal(["postgres"], one.Family("pg_unused_indexes").Select(s => s.Label("datname"))); // the connected database comes first
        Assert.All(one.Family("pg_stat_user_tables_n_live_tup"), s => Assert.Equal("postgres", s.Label("datname")));
    }

    [Fact]
    public async Task A_database_that_refuses_the_connection_is_skipped_and_logged_once()
    {
        const string Password = "tables-monitor-password";
        await fixture.Cluster.ExecuteAsync($"CREATE ROLE tables_monitor LOGIN PASSWORD '{Password}' IN ROLE pg_monitor");
        await fixture.Cluster.ExecuteAsync("CREATE DATABASE tables_locked");
        await fixture.Cluster.ExecuteAsync("CREATE TABLE secret (id int)", "tables_locked");
        await fixture.Cluster.ExecuteAsync("REVOKE CONNECT ON DATABASE tables_locked FROM PUBLIC");
        await fixture.Cluster.ExecuteAsync("CREATE DATABASE tables_reachable");
        await fixture.Cluster.ExecuteAsync("CREATE TABLE open_table (id int)", "tables_reachable");
        var connectionString = fixture.Cluster.ConnectionString(user: "tables_monitor", password: Password);
        var logger = new ListLogger();

        // Configured: tried, refused, skipped; a missing database likewise; the others are read.
        await using (var configured = InProcessCollector.Create(
            new PostgresServerOptions { ConnectionString = connectionString, Databases = ["tables_locked", "tables_missing", "tables_reachable", "postgres"] },
            new PostgresOptions(),
            logger))
        {
            PrometheusText scrape = null!;
            for (var i = 0; i < 3; i++)
            {
                scrape = await configured.CollectAsync();
            }

            Assert.Equal(["postgres", "tables_reachable"], scrape.Family("pg_unused_indexes").Select(s => s.Label("datname")).Order(StringComparer.Ordinal));
            Assert.Contains(scrape.Family("pg_stat_user_tables_n_live_tup"), s => s.Label("relname") == "open_table");
            Assert.DoesNotContain(scrape.Family("pg_stat_user_tables_n_live_tup"), s => s.Label("relname") == "secret");
            var warnings = logger.Entries.Where(e => e.Level == LogLevel.Warning).Select(e => e.Message).ToList();
            Assert.Single(warnings, w => w.Contains("tables_locked", StringComparison.Ordinal) && w.Contains("42501", StringComparison.Ordinal));
            Assert.Single(warnings, w => w.Contains("tables_missing", StringComparison.Ordinal) && w.Contains("3D000", StringComparison.Ordinal));
            Assert.Equal(2, warnings.Count);
            Assert.DoesNotContain(logger.Entries, e => e.Message.Contains(Password, StringComparison.Ordinal));
        }

        // Discovered: a database the role may not connect to is not even tried.
        logger.Entries.Clear();
        await using var discovered = InProcessCollector.Create(
            new PostgresServerOptions { ConnectionString = connectionString },
            new PostgresOptions { MaxDatabases = 1000 },
            logger);
        var found = await discovered.CollectAsync();

        Assert.Contains(found.Family("pg_unused_indexes"), s => s.Label("datname") == "tables_reachable");
        Assert.DoesNotContain(found.Family("pg_unused_indexes"), s => s.Label("datname") == "tables_locked");
        Assert.Empty(logger.Entries);
    }

    [Fact]
    public async Task The_choice_of_tables_and_their_sizes_are_renewed_once_per_interval()
    {
        await fixture.Cluster.ExecuteAsync("CREATE DATABASE tables_sizes");
        await fixture.Cluster.ExecuteAsync(
            """
            CREATE TABLE grows AS SELECT g AS id, repeat('g', 100) AS pad FROM generate_series(1, 1000) g;
            CREATE TABLE dropped (id int);
            """,
            "tables_sizes");
        var time = new ManualClock();
        await using var collector = InProcessCollector.Create(
            new PostgresServerOptions { ConnectionString = fixture.Cluster.ConnectionString(), Databases = ["tables_sizes"] },
            new PostgresOptions { SizeInterval = TimeSpan.FromMinutes(1) },
            time: time);
        (string, string) database = ("datname", "tables_sizes");
        (string, string) grows = ("relname", "grows");
        var first = await fixture.Cluster.ScalarAsync<long>("SELECT pg_table_size('grows')", "tables_sizes");

        var initial = await collector.CollectAsync();

        Assert.Equal(first, initial.Value("pg_stat_user_tables_table_size_bytes", database, grows));
        Assert.Contains(initial.Family("pg_stat_user_tables_n_live_tup"), s => s.Label("relname") == "dropped");

        await fixture.Cluster.ExecuteAsync("INSERT INTO grows SELECT g, repeat('g', 100) FROM generate_series(1, 20000) g", "tables_sizes");
        await fixture.Cluster.ExecuteAsync("CREATE TABLE newcomer AS SELECT g AS id FROM generate_series(1, 5000) g; DROP TABLE dropped;", "tables_sizes");
        time.Advance(TimeSpan.FromSeconds(30));
        var within = await collector.CollectAsync();

        Assert.Equal(first, within.Value("pg_stat_user_tables_table_size_bytes", database, grows)); // the last measurement
        Assert.Equal(21_000, within.Value("pg_stat_user_tables_n_live_tup", database, grows)); // statistics are read at every scrape
        Assert.DoesNotContain(within.Family("pg_stat_user_tables_n_live_tup"), s => s.Label("relname") == "dropped"); // gone at once
        Assert.DoesNotContain(within.Family("pg_stat_user_tables_n_live_tup"), s => s.Label("relname") == "newcomer"); // not chosen yet

        time.Advance(TimeSpan.FromSeconds(30));
        var renewed = await collector.CollectAsync();

        var now = await fixture.Cluster.ScalarAsync<long>("SELECT pg_table_size('grows')", "tables_sizes");
        Assert.True(now > first);
        Assert.Equal(now, renewed.Value("pg_stat_user_tables_table_size_bytes", database, grows));
        Assert.Equal(
            await fixture.Cluster.ScalarAsync<long>("SELECT pg_table_size('newcomer')", "tables_sizes"),
            renewed.Value("pg_stat_user_tables_table_size_bytes", database, ("relname", "newcomer")));
    }

    internal static async Task<PrometheusText> ScrapeUntilAsync(CollectorProcess collector, Func<PrometheusText, bool> done)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(20);
        while (true)
        {
            var scrape = await collector.ScrapeAsync();
            if (done(scrape) || DateTime.UtcNow > deadline)
            {
                return scrape;
            }

            await Task.Delay(200);
        }
    }

    /// <summary>The collector alone, in this process, over a real connection: to give it a logger and a clock.</summary>
    private sealed class InProcessCollector : IAsyncDisposable
    {
        private readonly CollectorRegistry _registry;
        private readonly PostgresConnections _connections;
        private readonly PostgresOptions _options;
        private readonly UserTablesCollector _collector;

        private InProcessCollector(CollectorRegistry registry, PostgresConnections connections, PostgresOptions options, UserTablesCollector collector)
        {
            _registry = registry;
            _connections = connections;
            _options = options;
            _collector = collector;
        }

        public static InProcessCollector Create(PostgresServerOptions server, PostgresOptions options, ILogger? logger = null, TimeProvider? time = null)
        {
            options.Servers = [server];
            var registry = Metrics.NewCustomRegistry();
            var factory = Metrics.WithCustomRegistry(registry);
            var families = new PostgresFamilies(factory, new CardinalityGuard(factory), server: null);
            var connections = new PostgresConnections(server, options, TimeSpan.FromSeconds(10));
            return new InProcessCollector(registry, connections, options, new UserTablesCollector(families, options, server, logger: logger, time: time));
        }

        public async Task<PrometheusText> CollectAsync()
        {
            await using (var connection = await _connections.OpenAsync(CancellationToken.None))
            {
                await _collector.CollectAsync(new PostgresScrape(connection, _connections, _options), CancellationToken.None);
            }

            return await Exposition.CollectAsync(_registry);
        }

        public ValueTask DisposeAsync() => _connections.DisposeAsync();
    }

    private sealed class ListLogger : ILogger
    {
        public ConcurrentQueue<(LogLevel Level, string Message)> Entries { get; } = new();

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            Entries.Enqueue((logLevel, formatter(state, exception)));
    }
}

/// <summary>
/// The autovacuum ages on a cluster of its own, whose autovacuum wakes up every second (a setting the
/// shared cluster's other tests should not get).
/// </summary>
public sealed class UserTablesAutovacuumTests : IAsyncLifetime
{
    private PostgresCluster _cluster = null!;

    public async Task InitializeAsync()
    {
        _cluster = await PostgresCluster.StartAsync();
        await _cluster.ExecuteAsync("ALTER SYSTEM SET autovacuum_naptime = '1s'");
        await _cluster.ExecuteAsync("SELECT pg_reload_conf()");
    }

    public async Task DisposeAsync() => await _cluster.DisposeAsync();

    [Fact]
    public async Task The_ages_of_the_last_autovacuum_and_autoanalyze_are_reported_in_seconds()
    {
        await _cluster.ExecuteAsync(
            """
            CREATE TABLE churn (id int, b int) WITH (autovacuum_vacuum_threshold = 0, autovacuum_vacuum_scale_factor = 0,
              autovacuum_analyze_threshold = 0, autovacuum_analyze_scale_factor = 0);
            INSERT INTO churn SELECT g, g FROM generate_series(1, 1000) g;
            """);
        await _cluster.ExecuteAsync("DELETE FROM churn WHERE id <= 500");
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (!await _cluster.ScalarAsync<bool>("SELECT last_autovacuum IS NOT NULL AND last_autoanalyze IS NOT NULL FROM pg_stat_user_tables WHERE relname = 'churn'"))
        {
            Assert.True(DateTime.UtcNow < deadline, "autovacuum did not process the table within 60 s");
            await Task.Delay(250);
        }

        await using var collector = await CollectorProcess.StartAsync(["--pg", _cluster.ConnectionString()], new Dictionary<string, string?>
        {
            ["ODOOPERF_SCRAPE__CACHETTL"] = "00:00:00",
            ["ODOOPERF_HOST__ENABLED"] = "false",
            ["ODOOPERF_ODOOPROCESSES__ENABLED"] = "false",
        });
        var scrape = await collector.ScrapeAsync();

        (string, string) churn = ("relname", "churn");
        Assert.InRange(scrape.Value("pg_stat_user_tables_last_autovacuum_age_seconds", churn), 0, 120);
        Assert.InRange(scrape.Value("pg_stat_user_tables_last_autoanalyze_age_seconds", churn), 0, 120);
        Assert.InRange(DateTimeOffset.UtcNow.ToUnixTimeSeconds() - scrape.Value("pg_stat_user_tables_last_autovacuum", churn), -5, 120);
        Assert.True(scrape.Value("pg_stat_user_tables_autovacuum_count", churn) >= 1);
        Assert.Equal("gauge", scrape.Types["pg_stat_user_tables_last_autovacuum_age_seconds"]);
        Assert.Equal("gauge", scrape.Types["pg_stat_user_tables_last_autoanalyze_age_seconds"]);
    }
}
