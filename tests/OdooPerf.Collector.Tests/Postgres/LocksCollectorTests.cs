using Npgsql;
using Xunit;

namespace OdooPerf.Collector.Tests.Postgres;

/// <summary>pg_locks_count against a real server.</summary>
[Collection(PostgresCollection.Name)]
public sealed class LocksCollectorTests(PostgresClusterFixture fixture)
{
    private static readonly string[] Modes =
    [
        "accesssharelock", "rowsharelock", "rowexclusivelock", "shareupdateexclusivelock", "sharelock",
        "sharerowexclusivelock", "exclusivelock", "accessexclusivelock", "sireadlock",
    ];

    [Fact]
    public async Task A_table_lock_held_by_an_open_transaction_is_counted_under_its_lowercase_mode()
    {
        await fixture.Cluster.ExecuteAsync("CREATE DATABASE locks_held");
        await fixture.Cluster.ExecuteAsync("CREATE TABLE locked (id int)", "locks_held");
        await using var session = await fixture.Cluster.OpenAsync("locks_held");
        await using (var lockTable = new NpgsqlCommand("BEGIN; LOCK TABLE locked IN ACCESS EXCLUSIVE MODE", session))
        {
            await lockTable.ExecuteNonQueryAsync();
        }

        await using var collector = await fixture.StartCollectorAsync();

        var scrape = await collector.ScrapeAsync();

        Assert.Equal(1, scrape.Value("pg_locks_count", ("datname", "locks_held"), ("mode", "accessexclusivelock")));
        Assert.Equal(0, scrape.Value("pg_locks_count", ("datname", "locks_held"), ("mode", "sireadlock")));
        Assert.Equal("gauge", scrape.Types["pg_locks_count"]);
    }

    [Fact]
    public async Task Every_database_has_every_mode_zero_filled_with_postgres_exporter_labels()
    {
        await using var collector = await fixture.StartCollectorAsync();

        var scrape = await collector.ScrapeAsync();

        var template0 = scrape.Family("pg_locks_count").Where(s => s.Label("datname") == "template0").ToList();
        Assert.Equal(Modes.Order(StringComparer.Ordinal), template0.Select(s => s.Label("mode")).Order(StringComparer.Ordinal));
        Assert.All(template0, s => Assert.Equal(0, s.Value));
        Assert.All(scrape.Family("pg_locks_count"), s => Assert.Equal(["datname", "mode"], s.Labels.Keys.Order(StringComparer.Ordinal)));
    }
}
