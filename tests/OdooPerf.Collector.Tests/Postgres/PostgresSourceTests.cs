using OdooPerf.Testing;
using Xunit;

namespace OdooPerf.Collector.Tests.Postgres;

/// <summary>The PostgreSQL source against a real server: connection, pg_up and the server families.</summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresSourceTests(PostgresClusterFixture fixture)
{
    [Fact]
    public async Task A_reachable_server_is_up_with_its_version()
    {
        await using var collector = await fixture.StartCollectorAsync();

        var scrape = await collector.ScrapeAsync();

        Assert.Equal(1, scrape.Value("pg_up"));
        Assert.Equal(1, scrape.Value("odooperf_source_up", ("source", "postgres")));
        var version = Assert.Single(scrape.Family("pg_static"));
        Assert.StartsWith($"{fixture.Cluster.MajorVersion}.", version.Label("short_version"), StringComparison.Ordinal);
        Assert.Contains("PostgreSQL", version.Label("version"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Database_families_count_real_activity()
    {
        await fixture.Cluster.ExecuteAsync("CREATE DATABASE activity_test");
        await fixture.Cluster.ExecuteAsync("CREATE TABLE t AS SELECT g FROM generate_series(1, 5000) g", "activity_test");
        await using var collector = await fixture.StartCollectorAsync();

        var scrape = await collector.ScrapeAsync();

        Assert.True(scrape.Value("pg_database_size_bytes", ("datname", "activity_test")) > 100_000);
        Assert.True(scrape.Value("pg_stat_database_tup_inserted", ("datname", "activity_test")) >= 5000);
        Assert.Equal("counter", scrape.Types["pg_stat_database_xact_commit"]);
        Assert.Equal("gauge", scrape.Types["pg_stat_database_numbackends"]);
        Assert.NotEmpty(scrape.Family("pg_stat_database_xact_commit").Single(s => s.Label("datname") == "activity_test").Label("datid"));
        if (fixture.Cluster.MajorVersion >= 14)
        {
            Assert.True(scrape.HasSamples("pg_stat_database_session_time_seconds_total"));
        }
    }

    [Fact]
    public async Task The_collector_uses_one_backend_named_odooperf()
    {
        await using var collector = await fixture.StartCollectorAsync();
        for (var i = 0; i < 5; i++)
        {
            await collector.ScrapeAsync();
        }

        var backends = await fixture.Cluster.ScalarAsync<long>("SELECT count(*) FROM pg_stat_activity WHERE application_name = 'odooperf'");

        Assert.InRange(backends, 1, 2);
    }
}

/// <summary>Several servers: each is its own source and its series carry server="NAME".</summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresSeveralServersTests(PostgresClusterFixture fixture)
{
    [Fact]
    public async Task Each_server_is_labelled_by_its_name()
    {
        await using var collector = await fixture.StartCollectorAsync(environment: new Dictionary<string, string?>
        {
            ["ODOOPERF_POSTGRES__SERVERS__0__NAME"] = "primary",
            ["ODOOPERF_POSTGRES__SERVERS__1__NAME"] = "reporting",
            ["ODOOPERF_POSTGRES__SERVERS__1__CONNECTIONSTRING"] = fixture.Cluster.ConnectionString(),
        });

        var scrape = await collector.ScrapeAsync();

        Assert.Equal(1, scrape.Value("pg_up", ("server", "primary")));
        Assert.Equal(1, scrape.Value("pg_up", ("server", "reporting")));
        Assert.Equal(1, scrape.Value("odooperf_source_up", ("source", "postgres_primary")));
        Assert.Equal(1, scrape.Value("odooperf_source_up", ("source", "postgres_reporting")));
        Assert.All(scrape.Samples.Where(s => s.Name.StartsWith("pg_", StringComparison.Ordinal)), s => Assert.Contains(s.Label("server"), new[] { "primary", "reporting" }));
    }
}
