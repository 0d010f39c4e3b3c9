using Npgsql;
using Xunit;

namespace OdooPerf.Collector.Tests.Postgres;

/// <summary>pg_stat_activity_count and pg_stat_activity_max_tx_duration against a real server.</summary>
[Collection(PostgresCollection.Name)]
public sealed class ActivityCollectorTests(PostgresClusterFixture fixture)
{
    private static readonly string[] States =
    [
        "active", "idle", "idle in transaction", "idle in transaction (aborted)", "fastpath function call", "disabled",
    ];

    [Fact]
    public async Task An_idle_in_transaction_session_is_counted_with_its_transaction_age()
    {
        await fixture.Cluster.ExecuteAsync("CREATE DATABASE activity_idle_tx");
        await using var session = await fixture.Cluster.OpenAsync("activity_idle_tx");
        await using (var begin = new NpgsqlCommand("BEGIN; SELECT 1", session))
        {
            await begin.ExecuteNonQueryAsync();
        }

        await Task.Delay(TimeSpan.FromMilliseconds(200)); // so the transaction is measurably old
        await using var collector = await fixture.StartCollectorAsync();

        var scrape = await collector.ScrapeAsync();

        (string, string) database = ("datname", "activity_idle_tx");
        Assert.Equal(1, scrape.Value("pg_stat_activity_count", database, ("state", "idle in transaction")));
        Assert.True(scrape.Value("pg_stat_activity_max_tx_duration", database, ("state", "idle in transaction")) >= 0.2);
        Assert.Equal(0, scrape.Value("pg_stat_activity_count", database, ("state", "active")));
        Assert.Equal("gauge", scrape.Types["pg_stat_activity_count"]);
        Assert.Equal("gauge", scrape.Types["pg_stat_activity_max_tx_duration"]);
    }

    [Fact]
    public async Task Every_database_has_every_state_zero_filled_with_postgres_exporter_labels()
    {
        await using var collector = await fixture.StartCollectorAsync();

        var scrape = await collector.ScrapeAsync();

        foreach (var family in new[] { "pg_stat_activity_count", "pg_stat_activity_max_tx_duration" })
        {
            var template1 = scrape.Family(family).Where(s => s.Label("datname") == "template1").ToList();
            Assert.Equal(States.Order(StringComparer.Ordinal), template1.Select(s => s.Label("state")).Order(StringComparer.Ordinal));
            Assert.All(template1, s => Assert.Equal(0, s.Value));
            Assert.All(scrape.Family(family), s => Assert.Equal(["datname", "state"], s.Labels.Keys.Order(StringComparer.Ordinal)));
        }
    }

    [Fact]
    public async Task The_collectors_own_session_is_not_counted()
    {
        await fixture.Cluster.ExecuteAsync("CREATE DATABASE activity_self");
        await using var collector = await fixture.StartCollectorAsync(fixture.Cluster.ConnectionString(database: "activity_self"));

        var scrape = await collector.ScrapeAsync();

        Assert.Equal(0, scrape.Value("pg_stat_activity_count", ("datname", "activity_self"), ("state", "active")));
    }
}
