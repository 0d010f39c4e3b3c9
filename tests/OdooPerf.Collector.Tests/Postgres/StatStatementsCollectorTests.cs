using System.Text.RegularExpressions;
using OdooPerf.Testing;
using Xunit;

namespace OdooPerf.Collector.Tests.Postgres;

/// <summary>pg_stat_statements_* against a real server after a pgbench run, and without the extension.</summary>
[Collection(PostgresCollection.Name)]
public sealed class StatStatementsCollectorTests(PostgresClusterFixture fixture)
{
    private const string BenchDatabase = "pgss_bench";

    private static readonly string[] Families =
    [
        "pg_stat_statements_calls_total", "pg_stat_statements_seconds_total", "pg_stat_statements_rows_total",
        "pg_stat_statements_block_read_seconds_total", "pg_stat_statements_block_write_seconds_total",
    ];

    private static readonly SemaphoreSlim PgbenchOnce = new(1, 1);
    private static bool _pgbenchDone;

    // A statement's text in a label value: SQL keywords followed by more text.
    private static readonly Regex SqlText = new(@"\b(SELECT|INSERT|UPDATE|DELETE|BEGIN|END)\b\s+\S|\$\d", RegexOptions.IgnoreCase);

    [Fact]
    public async Task After_pgbench_the_top_statements_are_counted_without_their_text()
    {
        await RunPgbenchAsync();
        await using var collector = await fixture.StartCollectorAsync(environment: new Dictionary<string, string?>
        {
            ["ODOOPERF_POSTGRES__TOPSTATEMENTS"] = "5",
        });

        var scrape = await collector.ScrapeAsync();

        foreach (var family in Families)
        {
            Assert.Equal("counter", scrape.Types[family]);
            Assert.All(scrape.Family(family), s => Assert.Equal(["datname", "queryid", "user"], s.Labels.Keys.Order(StringComparer.Ordinal)));
        }

        var calls = scrape.Family("pg_stat_statements_calls_total").ToList();
        Assert.InRange(calls.Select(s => s.Label("queryid")).Distinct().Count(), 1, 5);
        Assert.InRange(calls.Count, 1, 5);
        Assert.Contains(calls, s => s.Value > 0);
        Assert.All(calls, s => Assert.Matches("^-?[0-9]+$", s.Label("queryid")));
        Assert.All(scrape.Family("pg_stat_statements_seconds_total"), s => Assert.True(s.Value >= 0));
        AssertNoSqlInLabels(scrape);
    }

    [Fact]
    public async Task Pgbench_statements_are_summed_per_user_database_and_queryid()
    {
        await RunPgbenchAsync();
        await using var collector = await fixture.StartCollectorAsync(environment: new Dictionary<string, string?>
        {
            ["ODOOPERF_POSTGRES__TOPSTATEMENTS"] = "5000",
        });

        var scrape = await collector.ScrapeAsync();

        var bench = scrape.Family("pg_stat_statements_calls_total").Where(s => s.Label("datname") == BenchDatabase).ToList();
        Assert.NotEmpty(bench);
        Assert.All(bench, s => Assert.Equal("postgres", s.Label("user")));

        // pgbench's TPC-B-like transaction, 2 clients × 200 times: each statement 400 calls, and 400 rows
        // for each one touching a single row.
        var series = scrape.Family("pg_stat_statements_calls_total").Select(s => (s.Label("user"), s.Label("datname"), s.Label("queryid"))).ToList();
        Assert.Equal(series.Count, series.Distinct().Count()); // one series per (user, datname, queryid)
        var updates = bench
            .Where(s => s.Value == 400)
            .Select(s => new[] { ("user", s.Label("user")), ("datname", BenchDatabase), ("queryid", s.Label("queryid")) })
            .Where(labels => scrape.Value("pg_stat_statements_rows_total", labels) == 400)
            .ToList();
        Assert.InRange(updates.Count, 3, 5); // three UPDATEs, the SELECT of a balance, the INSERT into pgbench_history
        Assert.All(updates, labels => Assert.True(scrape.Value("pg_stat_statements_seconds_total", labels) > 0));
        AssertNoSqlInLabels(scrape);
    }

    [Fact]
    public async Task Without_the_extension_in_the_connected_database_nothing_is_published_and_nothing_fails()
    {
        await fixture.Cluster.ExecuteAsync("CREATE DATABASE pgss_none");
        await using var collector = await fixture.StartCollectorAsync(fixture.Cluster.ConnectionString(database: "pgss_none"));

        var scrape = await collector.ScrapeAsync();

        Assert.Equal(1, scrape.Value("pg_up"));
        Assert.All(Families, f => Assert.False(scrape.HasSamples(f)));
        Assert.DoesNotContain(scrape.Family("odooperf_postgres_collector_errors_total"), s => s.Label("collector") == "stat_statements" && s.Value > 0);
        Assert.DoesNotContain("stat_statements", collector.Output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("1.7", "pgss_v1_7")] // PostgreSQL 12's columns: total_time, blk_read_time
    [InlineData("1.8", "pgss_v1_8")] // PostgreSQL 13's: total_exec_time
    public async Task An_extension_left_at_an_older_version_is_read_with_its_own_columns(string version, string database)
    {
        await fixture.Cluster.ExecuteAsync($"CREATE DATABASE {database}");
        await fixture.Cluster.ExecuteAsync($"CREATE SCHEMA monitoring; CREATE EXTENSION pg_stat_statements WITH SCHEMA monitoring VERSION '{version}'", database);
        Assert.Equal(version, await fixture.Cluster.ScalarAsync<string>("SELECT extversion FROM pg_extension WHERE extname = 'pg_stat_statements'", database));
        await using var collector = await fixture.StartCollectorAsync(fixture.Cluster.ConnectionString(database: database));

        var scrape = await collector.ScrapeAsync();

        Assert.True(scrape.HasSamples("pg_stat_statements_calls_total"), collector.Output);
        Assert.Contains(scrape.Family("pg_stat_statements_seconds_total"), s => s.Value > 0);
        Assert.DoesNotContain(scrape.Family("odooperf_postgres_collector_errors_total"), s => s.Label("collector") == "stat_statements" && s.Value > 0);
    }

    internal static void AssertNoSqlInLabels(PrometheusText scrape)
    {
        foreach (var sample in scrape.Samples)
        {
            foreach (var (name, value) in sample.Labels)
            {
                Assert.False(SqlText.IsMatch(value), $"{sample.Name}{{{name}=\"{value}\"}} looks like SQL text");
            }
        }
    }

    private async Task RunPgbenchAsync()
    {
        await PgbenchOnce.WaitAsync();
        try
        {
            if (_pgbenchDone)
            {
                return;
            }

            await fixture.Cluster.ExecuteAsync($"CREATE DATABASE {BenchDatabase}");
            var init = await fixture.Cluster.RunToolAsync("pgbench", ["-i", "-s", "1", "-q", BenchDatabase]);
            Assert.True(init.ExitCode == 0, init.StandardError);
            var run = await fixture.Cluster.RunToolAsync("pgbench", ["-t", "200", "-c", "2", BenchDatabase]);
            Assert.True(run.ExitCode == 0, run.StandardError);
            _pgbenchDone = true;
        }
        finally
        {
            PgbenchOnce.Release();
        }
    }
}
